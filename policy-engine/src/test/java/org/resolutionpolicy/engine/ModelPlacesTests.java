package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.source.Place;

/** The model keeps where each part of a policy is written, so that no tool reads the files again to say so. */
class ModelPlacesTests {

    static final Path COFFEE = Path.of("..", "examples", "policies", "coffee-shop.yaml");
    final PolicyModel model = ModelledPolicy.of(Policies.load(COFFEE)).model();
    final String file = COFFEE.toString();

    @Test
    void knows_where_the_header_declares_each_role_remedy_and_attribute() {
        assertThat(model.declarations().policy()).isEqualTo(new Place(file, 1, 1));
        assertThat(model.declarations().role("shift-lead")).isEqualTo(new Place(file, 7, 18));
        assertThat(model.declarations().remedy("voucher")).isEqualTo(new Place(file, 19, 3));
        assertThat(model.declarations().attributes()).containsEntry("store", new Place(file, 14, 3));
        assertThat(model.declarations().beyondAuthority()).isEqualTo(new Place(file, 9, 18));
    }

    @Test
    void knows_where_each_authority_entry_is_written() {
        assertThat(model.authority().get("voucher")[0].place()).isEqualTo(new Place(file, 27, 5));
        assertThat(model.authority().get("refund")[1].place()).isEqualTo(new Place(file, 31, 5));
    }

    @Test
    void names_beyond_authority_in_the_one_vocabulary_type() {
        assertThat(model.beyond()).isEqualTo(Beyond.deny());
        assertThat(model.beyondRank()).isEqualTo(-1);
    }
}
