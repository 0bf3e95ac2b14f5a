package org.openpetition.portal.services;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subject category taxonomy (intake-service's public list), grouped under its top-level categories. The
 * last list read is kept: a form shown again while intake-service cannot be reached still offers the
 * categories, with the one chosen.
 */
@ApplicationScoped
public class SubjectCategories {

    /** A top-level category and the categories under it; each entry has code, chinese and english. */
    @TemplateData
    public record Group(Map<String, Object> category, List<Map<String, Object>> children) {
    }

    private final ServiceCalls services;
    private volatile List<Group> lastRead = List.of();

    public SubjectCategories(ServiceCalls services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    public Uni<List<Group>> groups() {
        return services.get(Service.INTAKE, "/api/subject-categories", null).map(answer -> {
            if (!answer.ok()) {
                return lastRead;
            }
            Map<String, Group> groups = new LinkedHashMap<>();
            List<Map<String, Object>> all = answer.list().stream().map(item -> (Map<String, Object>) item).toList();
            for (Map<String, Object> category : all) {
                if (category.get("parent") == null) {
                    groups.put((String) category.get("code"), new Group(category, new ArrayList<>()));
                }
            }
            for (Map<String, Object> category : all) {
                Group group = category.get("parent") == null ? null : groups.get((String) category.get("parent"));
                if (group != null) {
                    group.children().add(category);
                }
            }
            lastRead = List.copyOf(groups.values());
            return lastRead;
        });
    }
}
