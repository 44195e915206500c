package bifrostconsole.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** The user a key is assigned to (Enterprise). */
public record AssignedUser(String id, String name, String email,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public AssignedUser {
        unknownFields = UnknownFields.of(unknownFields);
    }

    /** Without fields unknown to the console (and without any field listed after the last one given). */
    public AssignedUser(String id, String name, String email) {
        this(id, name, email, null);
    }
}
