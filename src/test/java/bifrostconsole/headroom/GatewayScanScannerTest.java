package bifrostconsole.headroom;

import bifrostconsole.api.JsonScanner;
import bifrostconsole.api.ManagementApiClient;
import bifrostconsole.api.VirtualKey;
import bifrostconsole.api.VirtualKeyQuery;
import bifrostconsole.api.VirtualKeyStream;
import bifrostconsole.export.Cancellation;
import bifrostconsole.export.ExportScope;
import bifrostconsole.export.KeyPageSource;
import bifrostconsole.export.KeyPager;
import bifrostconsole.export.KeyReading;
import bifrostconsole.export.ProgressListener;
import bifrostconsole.testing.DemoGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scan reads each key off its bytes ({@link ScanKeyReading}): every key must be the one the Jackson binding
 * ({@link ScanKeyReader#READER}) gives, over the demo's keys and over shapes no server of ours sends. The results
 * of whole scans are compared in {@link GatewayScanReadingTest}.
 */
class GatewayScanScannerTest {
    @RegisterExtension
    static final DemoGatewayExtension gateway = DemoGatewayExtension.withKeys(7, 2_000)
            .asOf(GatewayScanReadingTest.NOW);

    private static VirtualKey scanned(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonScanner s = JsonScanner.over(bytes);
        VirtualKey key = ScanKeyReading.decode(s, 0, 3);
        assertEquals(bytes.length, s.offset(), "the scanner is left after the key: " + json);
        return key;
    }

    private static VirtualKey bound(String json) {
        return VirtualKeyStream.bind(json.getBytes(StandardCharsets.UTF_8), ScanKeyReader.READER, 3);
    }

    private static List<VirtualKey> keys(ManagementApiClient client, KeyReading<VirtualKey> reading)
            throws Exception {
        List<VirtualKey> keys = new ArrayList<>();
        new KeyPager(KeyPageSource.of(client), 500).forEach(VirtualKeyQuery.all(), ExportScope.ALL_MATCHING,
                reading, keys::add, ProgressListener.NONE, new Cancellation());
        return keys;
    }

    @Test
    void everyDemoKeyIsTheOneTheBindingGives() throws Exception {
        ManagementApiClient client = gateway.client();
        List<VirtualKey> bound = keys(client, KeyReading.model(ScanKeyReader.READER));
        List<VirtualKey> scanned = keys(client, ScanKeyReading.reading());
        assertEquals(2_000, bound.size());
        assertTrue(bound.stream().anyMatch(k -> k.team() != null && !k.team().budgets().isEmpty()),
                "the demo embeds teams with budgets");
        assertTrue(bound.stream().anyMatch(k -> k.providerConfigs().stream().anyMatch(p -> p.rateLimit() != null
                || !p.budgets().isEmpty())), "the demo has provider limits");
        assertTrue(bound.stream().anyMatch(k -> k.rateLimit() != null), "the demo has key rate limits");
        assertTrue(bound.stream().anyMatch(k -> k.expiresAt() != null), "the demo has expiring keys");
        for (int i = 0; i < bound.size(); i++) {
            assertEquals(bound.get(i), scanned.get(i), "key " + i);
        }
    }

    /** A key with every field the scan reads set, none to its default. */
    static final String EVERYTHING = """
            {"id":"vk-1","name":"Key \\u00e9\\"one\\"","value":"sk-bf-secret","description":"skipped",
             "is_active":false,"expires_at":"2026-12-01T10:00:00Z","team_id":"t-1","customer_id":"c-1",
             "calendar_aligned":true,"allow_all_providers":true,"budget":null,"metadata":{"a":"b"},
             "mcp_configs":[{"mcp_client_id":4,"tools":["x",{"y":[1,2]}]}],
             "rate_limit":{"id":"rl-1","token_max_limit":1000,"token_reset_duration":"1h","token_current_usage":10,
               "token_last_reset":"2026-11-27T05:00:00Z","request_max_limit":50,"request_reset_duration":"1d",
               "request_current_usage":7,"request_last_reset":"2026-11-26T06:00:00.5Z","config_hash":"h"},
             "budgets":[{"id":"b-1","max_limit":100.5,"reset_duration":"1M","last_reset":"2026-11-01T00:00:00Z",
               "current_usage":42.25,"calendar_aligned":false,"override_amount":-5e1,"override_mode":"add",
               "override_cycles_remaining":2,"quarter_start_month":3,"created_at":"2026-01-01T00:00:00Z"}],
             "provider_configs":[{"id":9,"provider":"openai","weight":0.5,"allowed_models":["gpt"],
               "rate_limit":{"token_max_limit":5,"token_current_usage":6,"request_max_limit":8},
               "budgets":[{"id":"b-2","max_limit":20,"reset_duration":"1w","current_usage":25}],"budget":null,
               "model_budgets":[{"model_name":"gpt-4","budgets":[{"max_limit":1}]}],"keys":[{"id":"k"}]}],
             "team":{"id":"t-1","name":"Team","customer_id":"c-2","calendar_aligned":true,
               "budgets":[{"id":"b-3","max_limit":300,"reset_duration":"1d","current_usage":12}],
               "rate_limit":{"request_max_limit":3,"request_current_usage":4},
               "customer":{"id":"c-2","name":"Inner","calendar_aligned":true,
                 "budgets":[{"id":"b-4","max_limit":400,"reset_duration":"1y","current_usage":13}],
                 "rate_limit":{"token_max_limit":70}}},
             "customer":{"id":"c-1","name":"Cust","budgets":[{"id":"b-5","max_limit":500,"reset_duration":"1d"}],
               "rate_limit":{"token_max_limit":71,"token_current_usage":72},"calendar_aligned":true,"teams":[{}]},
             "created_at":"2026-01-01T00:00:00Z","unknown":{"deep":[[[{"a":null}]]]}}""";

    @Test
    void aKeyWithEveryFieldIsReadAsTheBindingReadsIt() throws Exception {
        VirtualKey key = bound(EVERYTHING);
        assertTrue(!key.isUnreadable() && key.team().customer() != null && key.budgets().get(0).quarterStartMonth() == 3,
                "the binding reads it all");
        assertEquals(key, scanned(EVERYTHING));
    }

    /**
     * Each field the scan reads, changed in the key with every field: the binding and the scanner still agree, and
     * the key read is not the one before (so a field the scanner left out or misread would show).
     */
    @Test
    void eachFieldChangedIsReadAsTheBindingReadsIt() throws Exception {
        String[][] changes = {
                {"\"vk-1\"", "\"vk-2\""}, {"\"Key \\u00e9", "\"Key e"}, {"\"is_active\":false", "\"is_active\":true"},
                {"2026-12-01T10:00:00Z", "2026-12-01T11:00:00+01:30"}, {"\"team_id\":\"t-1\"", "\"team_id\":null"},
                {"\"customer_id\":\"c-1\"", "\"customer_id\":\"c-9\""},
                {"\"calendar_aligned\":true,\"allow", "\"calendar_aligned\":false,\"allow"},
                {"\"allow_all_providers\":true", "\"allow_all_providers\":null"},
                {"\"token_max_limit\":1000", "\"token_max_limit\":1001"},
                {"\"token_reset_duration\":\"1h\"", "\"token_reset_duration\":\"2h\""},
                {"\"token_current_usage\":10", "\"token_current_usage\":null"},
                {"2026-11-27T05:00:00Z", "2026-11-27T05:00:01Z"}, {"\"request_max_limit\":50", "\"request_max_limit\":-1"},
                {"\"request_reset_duration\":\"1d\"", "\"request_reset_duration\":\"1h\""},
                {"\"request_current_usage\":7", "\"request_current_usage\":8"},
                {"06:00:00.5Z", "06:00:00.25Z"}, {"\"b-1\"", "\"b-9\""}, {"100.5", "100.25"},
                {"\"1M\"", "\"1Q\""}, {"2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"}, {"42.25", "-0"},
                {"\"calendar_aligned\":false,\"override", "\"calendar_aligned\":null,\"override"},
                {"-5e1", "null"}, {"\"add\"", "\"set\""}, {"\"override_cycles_remaining\":2", "\"override_cycles_remaining\":0"},
                {"\"quarter_start_month\":3", "\"quarter_start_month\":null"}, {"\"openai\"", "\"anthropic\""},
                {"\"token_max_limit\":5", "\"token_max_limit\":55"}, {"\"token_current_usage\":6", "\"token_current_usage\":66"},
                {"\"request_max_limit\":8", "\"request_max_limit\":88"}, {"\"max_limit\":20", "\"max_limit\":21"},
                {"\"1w\"", "\"2w\""}, {"\"current_usage\":25", "\"current_usage\":26"}, {"\"gpt-4\"", "\"gpt-5\""},
                {"\"model_budgets\":[{\"model_name\":\"gpt-4\",\"budgets\":[{\"max_limit\":1}]}]", "\"model_budgets\":[]"},
                {"\"id\":\"t-1\"", "\"id\":\"t-2\""}, {"\"Team\"", "\"Team 2\""}, {"\"customer_id\":\"c-2\"", "\"customer_id\":null"},
                {"\"calendar_aligned\":true,\n   \"budgets\"", "\"calendar_aligned\":false,\n   \"budgets\""},
                {"\"max_limit\":300", "\"max_limit\":301"}, {"\"request_max_limit\":3", "\"request_max_limit\":33"},
                {"\"request_current_usage\":4", "\"request_current_usage\":44"}, {"\"id\":\"c-2\"", "\"id\":\"c-3\""},
                {"\"Inner\"", "\"Outer\""}, {"\"max_limit\":400", "\"max_limit\":401"}, {"\"1y\"", "\"1M\""},
                {"\"current_usage\":13", "\"current_usage\":14"}, {"\"token_max_limit\":70", "\"token_max_limit\":700"},
                {"\"id\":\"c-1\"", "\"id\":\"c-5\""}, {"\"Cust\"", "\"Cust 2\""}, {"\"max_limit\":500", "\"max_limit\":5.5e2"},
                {"\"token_max_limit\":71", "\"token_max_limit\":710"}, {"\"token_current_usage\":72", "\"token_current_usage\":720"},
                {"\"calendar_aligned\":true,\"teams\"", "\"calendar_aligned\":false,\"teams\""},
                {"\"max_limit\":500", "\"max_limit\":500.001"},
        };
        VirtualKey before = bound(EVERYTHING);
        for (String[] change : changes) {
            assertTrue(EVERYTHING.indexOf(change[0]) >= 0
                    && EVERYTHING.indexOf(change[0]) == EVERYTHING.lastIndexOf(change[0]), change[0]);
            String json = EVERYTHING.replace(change[0], change[1]);
            VirtualKey bound = bound(json);
            assertTrue(!bound.isUnreadable(), change[1]);
            assertNotEquals(before, bound, "the change shows in the binding: " + change[1]);
            assertEquals(bound, scanned(json), change[1]);
        }
    }

    /** Shapes the scanner does not read itself are bound as the Jackson reading binds them, unreadable or not. */
    @Test
    void oddShapesAreReadAsTheBindingReadsThem() throws Exception {
        String[] odd = {
                "{}", "{\"id\":null,\"name\":null,\"budgets\":null,\"provider_configs\":null,\"team\":null}",
                "{\"id\":\"a\",\"budget\":{\"id\":\"old\",\"max_limit\":10,\"reset_duration\":\"1d\",\"current_usage\":3}}",
                "{\"id\":\"a\",\"budgets\":[{\"id\":\"old\",\"max_limit\":10}],\"budget\":{\"id\":\"old\",\"max_limit\":10}}",
                "{\"id\":\"a\",\"provider_configs\":[{\"provider\":\"x\",\"budget\":{\"max_limit\":5,\"reset_duration\":\"1d\"}}]}",
                "{\"id\":\"a\",\"team\":{\"id\":\"t\",\"budget\":{\"id\":\"tb\",\"max_limit\":5,\"reset_duration\":\"1d\"}}}",
                "{\"id\":\"a\",\"customer\":{\"id\":\"c\",\"budget\":{\"id\":\"cb\",\"max_limit\":5}}}",
                "{\"id\":\"a\",\"team\":{\"id\":\"t\",\"customer\":{\"id\":\"c\",\"budget\":{\"max_limit\":5}}}}",
                "{\"id\":\"a\",\"budgets\":[{\"max_limit\":\"12.5\",\"current_usage\":\"3\",\"reset_duration\":\"1d\"}]}",
                "{\"id\":\"a\",\"rate_limit\":{\"token_max_limit\":\"100\",\"token_current_usage\":\"5\"}}",
                "{\"id\":\"a\",\"rate_limit\":{\"token_max_limit\":1.0,\"request_current_usage\":2.5}}",
                "{\"id\":\"a\",\"rate_limit\":{\"token_max_limit\":99999999999999999999}}",
                "{\"id\":\"a\",\"budgets\":[{\"max_limit\":1,\"quarter_start_month\":3000000000}]}",
                "{\"id\":\"a\",\"budgets\":[{\"max_limit\":1,\"quarter_start_month\":\"2\",\"override_cycles_remaining\":1.0}]}",
                "{\"id\":7,\"name\":true,\"team_id\":12}", "{\"id\":\"a\",\"is_active\":\"false\"}",
                "{\"id\":\"a\",\"is_active\":0}", "{\"id\":\"a\",\"calendar_aligned\":\"true\"}",
                "{\"id\":\"a\",\"calendar_aligned\":null,\"allow_all_providers\":1}",
                "{\"id\":\"a\",\"expires_at\":\"tomorrow\"}", "{\"id\":\"a\",\"expires_at\":1764547200}",
                "{\"id\":\"a\",\"expires_at\":\"2026-12-01 10:00:00\"}", "{\"id\":\"a\",\"expires_at\":\"0001-01-01T00:00:00Z\"}",
                "{\"id\":\"a\",\"budgets\":{\"max_limit\":1}}", "{\"id\":\"a\",\"budgets\":[null]}",
                "{\"id\":\"a\",\"budgets\":[[]]}", "{\"id\":\"a\",\"provider_configs\":{}}",
                "{\"id\":\"a\",\"provider_configs\":[{\"provider\":\"x\",\"model_budgets\":[{\"model_name\":3}]}]}",
                "{\"id\":\"a\",\"provider_configs\":[{\"provider\":\"x\",\"model_budgets\":{\"m\":{}}}]}",
                "{\"id\":\"a\",\"team\":[]}", "{\"id\":\"a\",\"team\":\"t-1\"}", "{\"id\":\"a\",\"customer\":5}",
                "{\"id\":\"a\",\"rate_limit\":[]}", "{\"id\":\"a\",\"rate_limit\":{\"token_last_reset\":\"never\"}}",
                "{\"id\":\"a\",\"budgets\":[{\"max_limit\":true}]}", "{\"id\":\"a\",\"budgets\":[{\"max_limit\":{}}]}",
                "{\"id\":\"a\",\"budgets\":[{\"override_amount\":\"5\"}]}", "{\"id\":\"a\",\"name\":{\"first\":\"x\"}}",
                "{\"id\":\"a\",\"id\":\"b\",\"name\":\"first\",\"name\":\"second\"}",
                "{\"id\":\"a\",\"budgets\":[{\"max_limit\":1e400,\"current_usage\":-1E-3}]}",
                "{ \"id\" : \"a\" ,\n\t\"budgets\" : [ { \"max_limit\" : 1 , \"reset_duration\" : \"1d\" } ] }",
                "{\"id\":\"a\",\"name\":\"\\ud83d\\ude00 \\/ \\\\ \\n\"}",
        };
        for (String json : odd) {
            assertEquals(bound(json), scanned(json), json);
        }
        assertTrue(java.util.Arrays.stream(odd).filter(json -> bound(json).isUnreadable()).count() > 5,
                "some shapes are unreadable to the binding");
        assertEquals(2, bound(odd[2]).budgets().size() + bound(odd[3]).budgets().size(),
                "a legacy budget is folded in unless budgets holds it");
    }
}
