package bifrostconsole.demo;

import bifrostconsole.api.Budget;
import bifrostconsole.api.Customer;
import bifrostconsole.api.Json;
import bifrostconsole.api.ProviderConfig;
import bifrostconsole.api.ProviderKey;
import bifrostconsole.api.RateLimit;
import bifrostconsole.api.Team;
import bifrostconsole.api.VirtualKey;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * How the demo gateway writes the model so that its answers are Bifrost's, field for field, where the console's
 * own writing (which leaves nulls out) would differ from what Bifrost's Go code sends: {@code config_hash} is
 * always there ({@code ""} when the item was not synced from config.json), a provider config's {@code weight} is
 * there even when null, the rate limit's window starts are Go's zero time when never set, and the provider keys
 * embedded in a virtual key's provider config are table rows whose {@code id} is the row's integer (the string
 * the keys API knows is their {@code key_id}). {@code DemoGatewaySchemaTest} holds the answers to Bifrost's schemas.
 */
final class BifrostWire {
    /** Go's zero {@code time.Time}, as {@code encoding/json} writes it. */
    static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final Set<Class<?>> ALWAYS_HASHED = Set.of(VirtualKey.class, Budget.class, RateLimit.class,
            Team.class, Customer.class);
    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(
            new SimpleModule("bifrost-wire").setSerializerModifier(new GoShapes()));

    private BifrostWire() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final class GoShapes extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                         List<BeanPropertyWriter> properties) {
            Class<?> type = bean.getBeanClass();
            for (int i = 0; i < properties.size(); i++) {
                BeanPropertyWriter p = properties.get(i);
                String name = p.getName();
                if (name.equals("config_hash") && ALWAYS_HASHED.contains(type)) {
                    properties.set(i, withNullAs(p, ""));
                } else if (type == ProviderConfig.class && name.equals("weight")) {
                    properties.set(i, withNullAs(p, null));
                } else if (type == RateLimit.class && (name.equals("token_last_reset")
                        || name.equals("request_last_reset"))) {
                    properties.set(i, withNullAs(p, GO_ZERO_TIME));
                } else if (type == ProviderKey.class && name.equals("id")) {
                    properties.set(i, new TableKeyId(p));
                }
            }
            return properties;
        }

        /** The property is always written; null as {@code whenNull} (a JSON null when that is null too). */
        private static BeanPropertyWriter withNullAs(BeanPropertyWriter p, String whenNull) {
            BeanPropertyWriter always = new AlwaysWritten(p);
            always.assignNullSerializer(new JsonSerializer<>() {
                @Override
                public void serialize(Object value, JsonGenerator g, SerializerProvider provider) throws IOException {
                    if (whenNull == null) {
                        g.writeNull();
                    } else {
                        g.writeString(whenNull);
                    }
                }
            });
            return always;
        }
    }

    /** A property written even when null, whatever the mapper's inclusion rule says. */
    private static final class AlwaysWritten extends BeanPropertyWriter {
        AlwaysWritten(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider provider) throws Exception {
            Object value = get(bean);
            if (value == null) {
                g.writeFieldName(_name);
                _nullSerializer.serialize(null, g, provider);
                return;
            }
            super.serializeAsField(bean, g, provider);
        }
    }

    /** A provider config's embedded key is a table row: its numeric {@code id} goes out as a number. */
    private static final class TableKeyId extends BeanPropertyWriter {
        TableKeyId(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider provider) throws Exception {
            ProviderKey key = (ProviderKey) bean;
            if (key.keyId() != null && key.id() != null && key.id().chars().allMatch(Character::isDigit)
                    && !key.id().isEmpty() && key.id().length() < 18) {
                g.writeNumberField(_name.getValue(), Long.parseLong(key.id()));
                return;
            }
            super.serializeAsField(bean, g, provider);
        }
    }
}
