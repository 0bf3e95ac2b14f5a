package org.openpetition.contracts.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The maintained taxonomy of subject categories, shipped with the contracts as
 * taxonomy/subject-categories.csv so that every service and departmental system agrees on the codes.
 * Two levels: groups and their categories.
 */
public final class SubjectCategories {

    public static final String RESOURCE = "/taxonomy/subject-categories.csv";

    private static final SubjectCategories SHIPPED = load();

    private final Map<String, SubjectCategory> byCode;

    private SubjectCategories(Map<String, SubjectCategory> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** The taxonomy shipped with this version of the contracts. */
    public static SubjectCategories shipped() {
        return SHIPPED;
    }

    public Optional<SubjectCategory> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** True if new petitions may use the code. */
    public boolean isActive(String code) {
        return find(code).map(SubjectCategory::active).orElse(false);
    }

    /** The code and its ancestors, most specific first: ["FOOD_SAFETY", "MARKET_REGULATION"]. */
    public List<String> lineage(String code) {
        List<String> lineage = new ArrayList<>();
        SubjectCategory category = byCode.get(code);
        while (category != null && !lineage.contains(category.code())) {
            lineage.add(category.code());
            category = category.parent() == null ? null : byCode.get(category.parent());
        }
        return lineage;
    }

    /** Every category in file order (each group before its children). */
    public List<SubjectCategory> all() {
        return List.copyOf(byCode.values());
    }

    static SubjectCategories parse(InputStream csv) throws IOException {
        Map<String, SubjectCategory> byCode = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5 || f[0].isBlank()) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected code,parent,active,zh,en");
            }
            String parent = f[1].isBlank() ? null : f[1];
            if (parent != null && !byCode.containsKey(parent)) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": parent " + parent + " must come first");
            }
            if (byCode.put(f[0], new SubjectCategory(f[0], parent, Boolean.parseBoolean(f[2]), f[3], f[4])) != null) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": duplicate code " + f[0]);
            }
        }
        return new SubjectCategories(byCode);
    }

    private static SubjectCategories load() {
        try (InputStream in = SubjectCategories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
