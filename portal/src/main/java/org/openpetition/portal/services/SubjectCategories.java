package org.openpetition.portal.services;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The subject category taxonomy (intake-service's public list), grouped under its top-level categories. */
@ApplicationScoped
public class SubjectCategories {

    /** A top-level category and the categories under it; each entry has code, chinese and english. */
    @TemplateData
    public record Group(Map<String, Object> category, List<Map<String, Object>> children) {
    }

    private final ServiceCalls services;

    public SubjectCategories(ServiceCalls services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    public Uni<List<Group>> groups() {
        return services.get(Service.INTAKE, "/api/subject-categories", null).map(answer -> {
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
            return List.copyOf(groups.values());
        });
    }
}
