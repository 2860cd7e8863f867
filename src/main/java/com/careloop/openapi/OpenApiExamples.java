package com.careloop.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Request examples of the contract, kept in one readable file (classpath openapi/examples.yaml, by "METHOD path")
 * rather than in annotations spread over the controllers: added to the JSON request body of each named operation.
 */
@Component
@org.springframework.core.annotation.Order(0)
public class OpenApiExamples implements OpenApiCustomizer {

    static final String FILE = "openapi/examples.yaml";

    private final Map<String, Map<String, Object>> examples = load();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        examples.forEach((operation, example) -> {
            Operation op = operation(openApi, operation);
            if (op != null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                MediaType json = op.getRequestBody().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
                if (json != null) {
                    json.addExamples("example", new Example().summary(String.valueOf(example.get("summary"))).value(example.get("value")));
                }
            }
        });
    }

    /** The operations the file names ("POST /api/customers"), for the contract test. */
    public java.util.Set<String> operations() {
        return examples.keySet();
    }

    static Operation operation(OpenAPI openApi, String methodAndPath) {
        String[] parts = methodAndPath.split(" ", 2);
        PathItem item = openApi.getPaths().get(parts[1]);
        return item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            Map<String, Map<String, Object>> loaded = new Yaml().load(in);
            return loaded == null ? Map.of() : new LinkedHashMap<>(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }
}
