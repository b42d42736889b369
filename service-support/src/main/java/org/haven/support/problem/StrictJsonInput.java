package org.haven.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what they say: a date is an ISO string (not a day count), a name is a string (not a
 * number), an enum is its name (not its index), and a field nobody declared is an error. Jackson would
 * otherwise coerce {@code "dateOfBirth": 12} into 1970-01-13 and accept it.
 *
 * <p>And every string is one PostgreSQL can store: no NUL character and no unpaired surrogate (text, varchar and
 * jsonb refuse both). A client name {@code "A\u0000B"} used to be accepted, stored in the event, and then stall the
 * case projection for every organization, retrying that one event forever (found by the fuzzer of issue 9).
 *
 * <p>An enum is its exact name: Jackson would trim {@code " PAROLE\u0000"} (every character up to a space, at
 * either end) and accept it as {@code PAROLE}.
 */
@AutoConfiguration
public class StrictJsonInput {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .addModule(new SimpleModule("haven-storable-text")
                        .addDeserializer(String.class, new StorableText())
                        .setDeserializerModifier(new ExactEnumNames()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.DateTime, strictly -> strictly
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, strictly -> strictly
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, strictly -> strictly
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /** Jackson's own string reading (with the coercion rules above), then a refusal of what PostgreSQL cannot store. */
    static final class StorableText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && !storable(value)) {
                return (String) context.handleWeirdStringValue(String.class, value,
                        "contains a NUL character or an unpaired surrogate");
            }
            return value;
        }

        static boolean storable(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\u0000') {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Every enum's deserializer, refusing a name with anything Jackson would trim around it. */
    static final class ExactEnumNames extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                           BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return new ExactEnumName(deserializer, type.getRawClass());
        }
    }

    static final class ExactEnumName extends DelegatingDeserializer {

        private final Class<?> enumType;

        ExactEnumName(ValueDeserializer<?> deserializer, Class<?> enumType) {
            super(deserializer);
            this.enumType = enumType;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> deserializer) {
            return new ExactEnumName(deserializer, enumType);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String name = parser.getString();
                if (!name.isEmpty() && (name.charAt(0) <= ' ' || name.charAt(name.length() - 1) <= ' ')) {
                    return context.handleWeirdStringValue(enumType, name, "has characters around the name");
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
