package org.openpetition.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error a client can cause into problem details, and every other error into a 500
 * problem without a stack trace. Request bodies are never echoed: they may hold personal data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem(Problem.VALIDATION, "请求无效 / The request is not valid", 400,
                errors.size() + " 项不符合要求 / field(s) are not valid", uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public Response fieldRule(FieldException e, UriInfo uri) {
        return respond(new Problem(Problem.VALIDATION, "请求无效 / The request is not valid", 400, e.getMessage(), uri.getPath(),
                e.errors()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem p = e.problem();
        Response response = respond(new Problem(p.type(), p.title(), p.status(), p.detail(), uri.getPath(), p.errors()));
        if (e.retryAfter() != null) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.getHeaders().putSingle("Retry-After", Long.toString(seconds));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            reason = "未知字段 / unknown field";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            reason = "须为以下之一 / must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        } else if (e instanceof JsonMappingException && !field.isEmpty()) {
            reason = "类型或格式不正确 / has the wrong type or format";
        } else {
            reason = "请求体不是有效的 JSON / the body is not well-formed JSON";
        }
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, reason));
        return respond(new Problem(Problem.MALFORMED_REQUEST, "无法读取请求体 / The request body cannot be read", 400,
                reason, uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(new Problem(Problem.NOT_FOUND, "未找到 / Not found", 404, e.getMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 500) {
            return respond(new Problem(Problem.MALFORMED_REQUEST, e.getResponse().getStatusInfo().getReasonPhrase(),
                    status, e.getMessage(), uri.getPath(), List.of()));
        }
        return internal(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return internal(e, uri);
    }

    private static Response internal(Exception e, UriInfo uri) {
        LOG.errorf(e, "request to %s failed", uri.getPath());
        return respond(new Problem(Problem.INTERNAL, "内部错误 / Internal error", 500,
                "请求未能完成，已记录 / The request could not be completed; it has been logged", uri.getPath(), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The path inside the request: "submit.body.petitioners[0].phone" -> "petitioners[0].phone";
     * a violation of a parameter itself is named after the parameter ("caseId"), except the request
     * body, which resources name "body" and which is reported as "(body)".
     */
    static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                path.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null || "body".equals(parameter) ? "(body)" : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
