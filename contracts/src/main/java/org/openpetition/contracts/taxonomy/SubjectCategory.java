package org.openpetition.contracts.taxonomy;

/**
 * One subject category (信访事项内容分类) of the shared taxonomy.
 *
 * @param code    stable code, e.g. "URBAN_HOUSING"; never reused
 * @param parent  the group it belongs to, or null for a top-level group
 * @param active  false for a retired code: old cases keep it, new petitions may not use it
 * @param chinese the name officials and petitioners read
 * @param english the English name
 */
public record SubjectCategory(String code, String parent, boolean active, String chinese, String english) {
}
