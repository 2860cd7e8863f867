package com.careloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.errors.InvalidRequestException.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The one problem+json writer: the bytes filters write are the ones clients got before, and what Spring MVC writes. */
class ProblemsTest {

    /** Spring MVC's own Jackson set-up (with its ProblemDetail mix-in), as controllers and advice answer. */
    final ObjectMapper mvc = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void aFilterWritesTypeTitleStatusDetailAndInstanceAsBefore() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/customers/1\"x");
        MockHttpServletResponse response = new MockHttpServletResponse();
        Problems.write(request, response, Problems.problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "需要认证 Authentication is required", null));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getCharacterEncoding()).isEqualTo("UTF-8");
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"需要认证 Authentication is required\","
                        + "\"instance\":\"/api/customers/1x\"}");
    }

    @Test
    void extraPropertiesFollowTheStandardMembers() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "Forbidden", "不是你的任务 Not your task", null);
        problem.setProperty("message", "不是你的任务 Not your task");
        Problems.write(response, problem);

        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"不是你的任务 Not your task\",\"message\":\"不是你的任务 Not your task\"}");
    }

    @Test
    void fieldErrorsAreFieldAndMessage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Problems.write(response, Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", "phone: 格式错误",
                List.of(new FieldError("phone", "格式错误 not a phone number"))));

        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"phone: 格式错误\",\"errors\":[{\"field\":\"phone\",\"message\":\"格式错误 not a phone number\"}]}");
    }

    @Test
    void filtersAndSpringMvcWriteTheSameJson() throws Exception {
        for (ProblemDetail problem : List.of(
                Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "请求体超过 1 MB 的上限", null),
                Problems.at(Problems.problem(HttpStatus.NOT_FOUND, "Not Found", "Not Found", null), "/api/nope"),
                Problems.problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request body is not valid JSON", List.of()),
                Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", "x", List.of(new FieldError("a", "b"), new FieldError("c", "d"))))) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            Problems.write(response, problem);
            assertThat(mvc.readTree(response.getContentAsString())).isEqualTo(mvc.readTree(mvc.writeValueAsString(problem)));
        }
    }

    @Test
    void aMalformedPathLeavesTheInstanceOut() {
        assertThat(Problems.at(Problems.problem(HttpStatus.NOT_FOUND, "Not Found", null, null), "/api/%zz").getInstance()).isNull();
    }
}
