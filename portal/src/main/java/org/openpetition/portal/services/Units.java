package org.openpetition.portal.services;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unit names from routing-service's public directory (the units at a locality and above it): the accused
 * unit's suggestions on the petition form, and the code of the unit a petitioner named exactly.
 */
@ApplicationScoped
public class Units {

    private final ServiceCalls services;

    public Units(ServiceCalls services) {
        this.services = services;
    }

    /** The names of the units at the locality and above it that contain the text, lowest level first. */
    public Uni<List<String>> named(String text, String locality) {
        return find(text, locality).map(units -> units.stream().map(unit -> String.valueOf(unit.get("name"))).toList());
    }

    /** The directory code of the unit with exactly this name at the locality or above it, or null. */
    public Uni<String> codeOf(String name, String locality) {
        if (name == null || name.isBlank() || locality == null) {
            return Uni.createFrom().nullItem();
        }
        return find(name.strip(), locality).map(units -> units.stream()
                .filter(unit -> name.strip().equals(unit.get("name")))
                .map(unit -> String.valueOf(unit.get("code"))).findFirst().orElse(null));
    }

    private Uni<List<Map<?, ?>>> find(String text, String locality) {
        if (locality == null || locality.isBlank()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("locality", locality);
        query.put("q", text);
        query.put("limit", "20");
        return services.get(Service.ROUTING, "/api/directory/unit-names", query, null).map(answer -> {
            List<Map<?, ?>> units = new ArrayList<>();
            answer.list().forEach(item -> {
                if (item instanceof Map<?, ?> unit) {
                    units.add(unit);
                }
            });
            return units;
        });
    }
}
