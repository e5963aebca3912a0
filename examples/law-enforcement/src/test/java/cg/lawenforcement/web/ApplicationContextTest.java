package cg.lawenforcement.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cg.lawenforcement.auth.NonceStore;
import cg.lawenforcement.auth.RequestSigning;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole application starts (schema, federation, policy, filter, interceptor) and answers without a database:
 * the nonce store is replaced, the database address leads nowhere, so readiness says not ready.
 */
@SpringBootTest(properties = {"spring.data.mongodb.uri=mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=300&connectTimeoutMS=300", "cg.nonce-sweep-ms=3600000"})
@AutoConfigureMockMvc
class ApplicationContextTest {
  @Autowired
  MockMvc mvc;

  @MockitoBean
  NonceStore nonces;

  private String sign(String body, String nonce, String timestamp) {
    String payload = RequestSigning.payload("law-enforcement", timestamp, nonce, "req-1", "", body.getBytes(StandardCharsets.UTF_8));
    return RequestSigning.sign(RequestSigning.secret("law-enforcement", Map.of()), payload);
  }

  @Test
  void healthAndSignedGraphQl() throws Exception {
    mvc.perform(get("/health/live")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ok"));
    mvc.perform(get("/health/ready")).andExpect(status().isServiceUnavailable());
    mvc.perform(post("/graphql").contentType("application/json").content("{\"query\":\"{ __typename }\"}"))
        .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.errors[0].extensions.reason").value("unsigned"));

    when(nonces.claim(anyString(), anyLong())).thenReturn(true);
    String body = "{\"query\":\"{ violation(id: \\\"0123456789abcdef01234567\\\") { id } _service { sdl } }\"}";
    String nonce = UUID.randomUUID().toString();
    String timestamp = String.valueOf(System.currentTimeMillis());
    // Anonymous (empty identity): the governed root field is refused, federation's own field is answered.
    MvcResult result = mvc.perform(post("/graphql").contentType("application/json").content(body)
        .header(RequestSigning.TIMESTAMP, timestamp).header(RequestSigning.NONCE, nonce).header(RequestSigning.REQUEST_ID, "req-1")
        .header(RequestSigning.IDENTITY, "").header(RequestSigning.SIGNATURE, sign(body, nonce, timestamp))).andReturn();
    if (result.getRequest().isAsyncStarted()) result = mvc.perform(asyncDispatch(result)).andReturn();
    String answer = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertEquals(200, result.getResponse().getStatus(), answer);
    JsonNode json = new ObjectMapper().readTree(answer);
    assertEquals("UNAUTHENTICATED", json.at("/errors/0/extensions/code").asText(), answer);
    assertEquals("violation", json.at("/errors/0/path/0").asText(), answer);
    assertTrue(json.at("/data/_service/sdl").asText().contains("type Violation"), answer);
  }
}
