package org.openpetition.intake.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.contracts.taxonomy.SubjectCategories;
import org.openpetition.contracts.taxonomy.SubjectCategory;

/** The subject category taxonomy (信访事项内容分类), for the portal's and the clerks' pick lists. */
@Path("/api/subject-categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subject categories", description = "信访事项内容分类 the taxonomy a petition's subjectCategory comes from")
@PermitAll
public class SubjectCategoryResource {

    @GET
    @Operation(summary = "The active subject categories", description = "Groups first, each followed by its categories "
            + "(parent = the group). Retired codes are left out: old cases keep them, new petitions may not use them.")
    public List<SubjectCategory> list() {
        return SubjectCategories.shipped().all().stream().filter(SubjectCategory::active).toList();
    }
}
