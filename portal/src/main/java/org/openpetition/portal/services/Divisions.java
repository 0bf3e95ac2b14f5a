package org.openpetition.portal.services;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The locality picker's options, from routing-service's public division search: the provinces, and the
 * children of each division chosen (province → city → county → township → village).
 */
@ApplicationScoped
public class Divisions {

    /** The five levels of the cascade, top down; each level's options are the children of the one before. */
    public static final List<String> LEVELS = List.of("province", "city", "county", "township", "village");

    private final ServiceCalls services;

    public Divisions(ServiceCalls services) {
        this.services = services;
    }

    /** The children of a division (the provinces for a null parent), as code → name. */
    public Uni<Map<String, String>> children(String parent) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "500");
        query.put("parent", parent);
        return services.get(Service.ROUTING, "/api/directory/divisions", query, null).map(answer -> {
            Map<String, String> options = new LinkedHashMap<>();
            for (Object item : answer.list()) {
                if (item instanceof Map<?, ?> division && (parent != null || Integer.valueOf(1).equals(division.get("level")))) {
                    options.put(String.valueOf(division.get("code")), String.valueOf(division.get("name")));
                }
            }
            return options;
        });
    }

    /** One select of the cascade: its level, the level after it (null for the village), its options and the choice. */
    @TemplateData
    public record Level(String name, String next, Map<String, String> options, String chosen) {
    }

    /** The selects of every level for the divisions already chosen (a form shown again keeps its choices). */
    public Uni<List<Level>> cascade(Map<String, Object> chosen) {
        List<Uni<Map<String, String>>> levels = new ArrayList<>();
        levels.add(children(null));
        for (int i = 1; i < LEVELS.size(); i++) {
            Object parent = chosen.get(LEVELS.get(i - 1));
            levels.add(parent == null || parent.toString().isBlank() ? Uni.createFrom().item(Map.of()) : children(parent.toString()));
        }
        return Uni.join().all(levels).andFailFast().map(options -> {
            List<Level> cascade = new ArrayList<>();
            for (int i = 0; i < LEVELS.size(); i++) {
                Object value = chosen.get(LEVELS.get(i));
                cascade.add(new Level(LEVELS.get(i), i + 1 < LEVELS.size() ? LEVELS.get(i + 1) : null, options.get(i),
                        value == null ? "" : value.toString()));
            }
            return cascade;
        });
    }
}
