package cg.lawenforcement.access;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error a client can act on: its `extensions.code` (the kit's codes, kit/src/errors.ts) and details. */
public class CodedError extends RuntimeException {
  private final String code;
  private final Map<String, Object> details;

  public CodedError(String code, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = details;
  }

  public static CodedError badInput(String message, String field) {
    return new CodedError("BAD_USER_INPUT", message, Map.of("field", field));
  }

  public static CodedError notFound(String what, String id) {
    return new CodedError("NOT_FOUND", what + " " + id + " does not exist", Map.of("id", id));
  }

  public static CodedError illegalTransition(String message, String status) {
    return new CodedError("BAD_USER_INPUT", message, Map.of("reason", "ILLEGAL_TRANSITION", "status", status));
  }

  public String code() {
    return code;
  }

  public Map<String, Object> extensions() {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", code);
    extensions.putAll(details);
    return extensions;
  }
}
