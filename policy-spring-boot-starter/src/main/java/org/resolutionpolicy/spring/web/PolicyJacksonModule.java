package org.resolutionpolicy.spring.web;

import java.io.StringWriter;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.format.CaseFormat;
import org.resolutionpolicy.format.ExplanationFormat;
import org.resolutionpolicy.format.json.CaseJson;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.format.json.JsonText;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.Version;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Reads and writes the policy's types in Jackson 3 ({@code tools.jackson}, the Jackson of Spring Boot 4) with the JSON
 * of the policy-format guide, written and read by {@code policy-format} as the CLI, the decision log and replay do:
 * <ul>
 *   <li>a {@link Decision} is the JSON of {@code decide --format json} with its {@code decisionId} first
 *       ({@link DecisionJson#write(Decision)});</li>
 *   <li>an {@link Explanation} is the JSON of {@code explain --format json} ({@link ExplanationFormat#json});</li>
 *   <li>a {@link CustomerCase} is written in the case format ({@link CaseJson}) and read by the case reader
 *       ({@link CaseFormat}), with the same checks and messages as {@code Cases.parse}: a malformed case throws
 *       {@link org.resolutionpolicy.api.InvalidCaseException} naming every bad field; amounts are read exactly,
 *       never through a double.</li>
 * </ul>
 * Spring Boot registers the starter's bean of it with its {@code JsonMapper}; a plain mapper takes it with
 * {@code JsonMapper.builder().addModule(new PolicyJacksonModule())}. The values are written as JSON text, so the
 * module is for JSON mappers (not CBOR or XML). A posted case at the top of a request body is read by
 * {@link CaseHttpMessageConverter} instead, which holds it to the body limit and names lines and columns of the body
 * itself; this module reads a case nested in another value. Thread-safe.
 */
public final class PolicyJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public PolicyJacksonModule() {
        super("resolution-policy", Version.unknownVersion());
        addSerializer(Decision.class, new DecisionSerializer());
        addSerializer(Explanation.class, new ExplanationSerializer());
        addSerializer(CustomerCase.class, new CaseSerializer());
        addDeserializer(CustomerCase.class, new CaseDeserializer());
    }

    private static final class DecisionSerializer extends StdSerializer<Decision> {

        DecisionSerializer() {
            super(Decision.class);
        }

        @Override
        public void serialize(Decision value, JsonGenerator g, SerializationContext context) {
            g.writeRawValue(DecisionJson.write(value));
        }
    }

    private static final class ExplanationSerializer extends StdSerializer<Explanation> {

        ExplanationSerializer() {
            super(Explanation.class);
        }

        @Override
        public void serialize(Explanation value, JsonGenerator g, SerializationContext context) {
            g.writeRawValue(JsonText.line(ExplanationFormat.json(value)));
        }
    }

    private static final class CaseSerializer extends StdSerializer<CustomerCase> {

        CaseSerializer() {
            super(CustomerCase.class);
        }

        @Override
        public void serialize(CustomerCase value, JsonGenerator g, SerializationContext context) {
            g.writeRawValue(CaseJson.line(value));
        }
    }

    private static final class CaseDeserializer extends StdDeserializer<CustomerCase> {

        private static final JsonFactory FACTORY = new JsonFactory();

        CaseDeserializer() {
            super(CustomerCase.class);
        }

        @Override
        public CustomerCase deserialize(JsonParser p, DeserializationContext context) {
            // copied token by token as the text it was, numbers exactly: the case reader sees what was sent
            StringWriter text = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
                g.copyCurrentStructureExact(p);
            }
            return CaseFormat.read(PolicySource.of("case", text.toString()));
        }
    }
}
