package org.openpetition.routing.words;

import java.util.List;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.routing.directory.Directory;
import org.openpetition.routing.directory.DirectoryLeader;
import org.openpetition.routing.directory.DirectoryUnit;

/**
 * How a reason names places, units, leaders and subject categories in one language: the names as the
 * directory has them, the code in brackets (full-width in Chinese, "四川省达州市达川区（511703）";
 * "四川省达州市达川区 (511703)" in English); a category by the taxonomy's name in that language.
 */
public final class Labels {

    private static final SubjectCategories TAXONOMY = SubjectCategories.shipped();

    private final boolean chinese;
    private final Directory directory;

    private Labels(boolean chinese, Directory directory) {
        this.chinese = chinese;
        this.directory = directory;
    }

    static Labels zh(Directory directory) {
        return new Labels(true, directory);
    }

    static Labels en(Directory directory) {
        return new Labels(false, directory);
    }

    /** A division by its full name and code; the code alone where the directory has no name (a village). */
    public String place(String code) {
        String name = directory == null ? null : directory.divisionName(code);
        return name == null ? code : coded(name, code);
    }

    public String unit(DirectoryUnit unit) {
        return coded(unit.name(), unit.code());
    }

    public String units(List<DirectoryUnit> units) {
        return list(units.stream().map(this::unit).toList());
    }

    public String leader(DirectoryLeader leader) {
        return coded(leader.title() + " " + leader.name(), leader.id());
    }

    /** A subject category by its name in this language and its code ("unknown category" if the taxonomy lacks it). */
    public String category(String code) {
        return TAXONOMY.find(code).map(c -> coded(chinese ? c.chinese() : c.english(), code))
                .orElseGet(() -> coded(chinese ? "未知分类" : "unknown category", code));
    }

    /** Items in a sentence: 、 in Chinese, commas in English. */
    public String list(List<String> items) {
        return String.join(chinese ? "、" : ", ", items);
    }

    private String coded(String name, String code) {
        return chinese ? name + "（" + code + "）" : name + " (" + code + ")";
    }

}
