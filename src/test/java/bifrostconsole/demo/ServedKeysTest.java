package bifrostconsole.demo;

import bifrostconsole.api.Json;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.store.GovernanceStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The demo gateway keeps the JSON of the keys it served lately ({@link BifrostWire.ServedKeys}): its answers are
 * byte for byte what Bifrost's shapes write without it, and a key the store replaced is never served from the
 * bytes of the record it replaced.
 */
class ServedKeysTest {

    @Test
    void answersWrittenFromServedKeysAreTheBytesWrittenWithout() throws Exception {
        GovernanceStore store = DemoDataGenerator.generate(5, 60, Instant.parse("2026-11-27T06:00:00Z"));
        List<VirtualKey> keys = store.virtualKeys();
        ObjectMapper plain = BifrostWire.mapper();
        ObjectMapper serving = BifrostWire.servingMapper();
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("message", "Virtual key updated successfully");
        written.put("virtual_key", keys.get(3));
        List<Object> answers = List.of(written, Map.of("virtual_key", keys.get(3)),
                new DemoGateway.VirtualKeyEnvelope(keys.subList(0, 25), 25, keys.size(), 25, 0),
                new DemoGateway.VirtualKeyEnvelope(keys.subList(20, 60), 40, keys.size(), 40, 20));
        for (int round = 0; round < 2; round++) { // the first time written, then from the served bytes
            for (Object answer : answers) {
                assertArrayEquals(plain.writeValueAsBytes(answer), serving.writeValueAsBytes(answer));
            }
        }
        JsonNode page = Json.mapper().readTree(serving.writeValueAsBytes(answers.get(2)));
        assertEquals(25, page.get("virtual_keys").size());
    }

    @Test
    void aToggledKeyIsWrittenFromItsServedBytesAsItWouldBeWhole() throws Exception {
        try (DemoGateway gateway = DemoGateway.start(DemoGateway.Options.of(
                DemoDataGenerator.generate(7, 120, Instant.parse("2026-11-27T06:00:00Z"))))) {
            ObjectMapper plain = BifrostWire.mapper();
            ObjectMapper serving = BifrostWire.servingMapper();
            List<VirtualKey> keys = gateway.store().virtualKeys();
            serving.writeValueAsBytes(new DemoGateway.VirtualKeyEnvelope(keys, keys.size(), keys.size(), 200, 0));
            int toggled = 0;
            for (VirtualKey before : keys) {
                for (boolean active : new boolean[] {!before.active(), before.active()}) {
                    VirtualKey served = gateway.store().virtualKey(before.id()).orElseThrow();
                    VirtualKey after = gateway.writes().updateVirtualKey(before.id(),
                            Json.mapper().readTree("{\"is_active\":" + active + "}"));
                    byte[] whole = plain.writeValueAsBytes(after);
                    byte[] made = BifrostWire.toggled(served, plain.writeValueAsBytes(served), after);
                    if (made != null) {
                        toggled++;
                        assertArrayEquals(whole, made, before.id());
                    }
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("message", "Virtual key updated successfully");
                    answer.put("virtual_key", after);
                    assertArrayEquals(plain.writeValueAsBytes(answer), serving.writeValueAsBytes(answer));
                }
            }
            assertEquals(2 * keys.size(), toggled, "every toggle is made from the bytes served before it");
            VirtualKey served = gateway.store().virtualKey(keys.get(0).id()).orElseThrow();
            VirtualKey renamed = gateway.writes().updateVirtualKey(served.id(), Json.mapper().readTree(
                    "{\"name\":\"renamed\",\"is_active\":false}"));
            assertNull(BifrostWire.toggled(served, plain.writeValueAsBytes(served), renamed),
                    "a write that changes more is written whole");
            assertArrayEquals(plain.writeValueAsBytes(renamed), serving.writeValueAsBytes(renamed));
        }
    }

    @Test
    void servedKeysAreKeptByRecordAndTheLeastRecentlyServedGoFirst() throws Exception {
        VirtualKey a = key("vk-a", "alpha");
        VirtualKey sameAsA = Json.mapper().readValue(Json.mapper().writeValueAsBytes(a), VirtualKey.class);
        assertEquals(a, sameAsA);
        assertNotSame(a, sameAsA);
        BifrostWire.ServedKeys served = new BifrostWire.ServedKeys(10);
        served.put(a, new byte[4]);
        assertNull(served.get(sameAsA), "an equal record is another record");
        served.put(key("vk-b", "beta"), new byte[4]);
        served.get(a); // a is now the most recently served
        VirtualKey c = key("vk-c", "gamma");
        served.put(c, new byte[4]);
        assertEquals(2, served.size(), "the bound holds");
        assertFalse(served.get(a) == null || served.get(c) == null, "the least recently served went first");
    }

    @Test
    void aKeyReplacedByAWriteIsServedAsItNowIs() throws Exception {
        try (DemoGateway gateway = DemoGateway.start(DemoGateway.Options.of(
                DemoDataGenerator.generate(9, 30, Instant.parse("2026-11-27T06:00:00Z"))))) {
            VirtualKey key = gateway.store().virtualKeys().stream().filter(VirtualKey::active).findFirst()
                    .orElseThrow();
            String path = "/api/governance/virtual-keys/" + key.id();
            assertEquals(true, call(gateway, "GET", path, null).path("virtual_key").path("is_active").asBoolean());
            call(gateway, "GET", "/api/governance/virtual-keys?limit=100", null);
            JsonNode answer = call(gateway, "PUT", path, "{\"is_active\":false}");
            assertFalse(answer.path("virtual_key").path("is_active").asBoolean(true));
            assertFalse(call(gateway, "GET", path, null).path("virtual_key").path("is_active").asBoolean(true));
            for (JsonNode k : call(gateway, "GET", "/api/governance/virtual-keys?limit=100", null)
                    .get("virtual_keys")) {
                if (k.path("id").asText().equals(key.id())) {
                    assertFalse(k.path("is_active").asBoolean(true), "the page shows the key as written");
                }
            }
        }
    }

    private static JsonNode call(DemoGateway gateway, String method, String path, String body) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.baseUrl() + path)).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return Json.mapper().readTree(response.body());
    }

    private static VirtualKey key(String id, String name) throws Exception {
        return Json.mapper().readValue("{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"value\":\"sk-bf-x\"}",
                VirtualKey.class);
    }
}
