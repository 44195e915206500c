package bifrostconsole.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RankingReadingTest {
    private final ObjectMapper mapper = Json.mapper();

    private Map<String, Long> tokens(String json) throws Exception {
        return RankingReading.fromTokens(mapper.getFactory().createParser(json.getBytes(StandardCharsets.UTF_8)));
    }

    private void sameAsTheBinding(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(RankingReading.bound(mapper, body), RankingReading.requests(mapper, body), json);
    }

    @Test
    void bifrostsShapeIsReadOffTheTokensWithTheBindingsAnswer() throws Exception {
        String bifrost = "{\"rankings\":[{\"id\":\"k-1\",\"name\":\"caf\u00e9 \\\"one\\\"\",\"total_requests\":12,"
                + "\"total_tokens\":3400,\"total_cost\":0.12,\"trend\":{\"has_previous_period\":false,"
                + "\"requests_trend\":0.0,\"tokens_trend\":0.0,\"cost_trend\":0.0}},{\"id\":\"k-2\","
                + "\"total_requests\":1},null,{\"id\":\"k-1\",\"total_requests\":3},{\"id\":\"\",\"total_requests\":9},"
                + "{\"name\":\"no id\",\"total_requests\":4},{\"id\":null,\"total_requests\":5},"
                + "{\"id\":\"k-3\",\"total_requests\":null},{\"id\":\"k-4\",\"extra\":[1,{\"a\":[]}]}],"
                + "\"dimension\":\"virtual_key\",\"more\":{\"x\":[1,2]}}";
        assertEquals(Map.of("k-1", 15L, "k-2", 1L, "k-3", 0L, "k-4", 0L), tokens(bifrost), "read off the tokens");
        sameAsTheBinding(bifrost);
        String uuids = "{\"rankings\":[{\"id\":\"229b4a69-245f-4ba8-a2d3-7bdc20501ec8\",\"name\":\"a\","
                + "\"total_requests\":12833263},{\"total_requests\":2,\"id\":\"85e005c9-b911-4ffe-a6df-fb149109f171\"},"
                + "{\"id\":\"229b4a69-245f-4ba8-a2d3-7bdc20501ec8\",\"total_requests\":1},"
                + "{\"id\":\"229B4A69-245F-4BA8-A2D3-7BDC20501EC8\",\"total_requests\":4},"
                + "{\"id\":\"85e005c9-b911-4ffe-a6df-fb149109f171\",\"id\":\"k-9\",\"total_requests\":3}]}";
        assertEquals(Map.of("229b4a69-245f-4ba8-a2d3-7bdc20501ec8", 12833264L, "85e005c9-b911-4ffe-a6df-fb149109f171",
                2L, "229B4A69-245F-4BA8-A2D3-7BDC20501EC8", 4L, "k-9", 3L), tokens(uuids), "the last id of an entry counts");
        sameAsTheBinding(uuids);
        assertEquals(Map.of(), tokens("{\"rankings\":[],\"dimension\":\"virtual_key\"}"));
        sameAsTheBinding("{\"rankings\":[]}");
    }

    @Test
    void oddShapesAreBoundAsBefore() throws Exception {
        for (String odd : List.of(
                "{\"rankings\":[{\"id\":\"k-1\",\"total_requests\":\"12\"}]}",   // a number as text
                "{\"rankings\":[{\"id\":7,\"total_requests\":2}]}",              // an id that is a number
                "{\"rankings\":[{\"id\":\"k-1\",\"total_requests\":2.0}]}",      // a whole float
                "{\"rankings\":[{\"id\":\"k-1\",\"total_requests\":1}],\"rankings\":[{\"id\":\"k-2\","
                        + "\"total_requests\":2}]}",                             // twice: the last counts
                "{\"rankings\":[{\"id\":\"k-1\",\"total_requests\":1}]} {}")) {
            assertNull(tokens(odd), odd);
            sameAsTheBinding(odd);
        }
        for (String notBifrost : List.of("{\"dimension\":\"virtual_key\"}", "{\"rankings\":null}", "null")) {
            assertNull(RankingReading.requests(mapper, notBifrost.getBytes(StandardCharsets.UTF_8)), notBifrost);
        }
        assertNotNull(RankingReading.requests(mapper, "{\"rankings\":[]}".getBytes(StandardCharsets.UTF_8)));
    }
}
