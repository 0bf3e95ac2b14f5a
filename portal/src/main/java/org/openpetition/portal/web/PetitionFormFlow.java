package org.openpetition.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpetition.portal.services.Divisions;
import org.openpetition.portal.services.PetitionSubmission;
import org.openpetition.portal.services.SubjectCategories;
import org.openpetition.portal.services.Units;
import org.openpetition.portal.session.UserToken;
import org.openpetition.portal.view.PageContext;

/**
 * The petition form, for a petitioner's own online submission ({@link SubmitPage}) and a clerk's registration
 * of a letter, visit or call ({@link RegisterPage}). Every check is intake-service's: its problem details come
 * back next to the fields they name, with everything typed kept. An accused unit named exactly as in the public
 * directory is sent with its code, so routing keeps the case away from that unit's line. After registration:
 * the receipt, printable.
 */
@jakarta.enterprise.context.RequestScoped
public class PetitionFormFlow {

    private final Template form;
    private final Template receipt;
    private final PageContext page;
    private final Divisions divisions;
    private final SubjectCategories categories;
    private final PetitionSubmission submission;
    private final UserToken token;
    private final Units units;
    private final long attachmentMaxBytes;

    public PetitionFormFlow(@Location("submit.html") Template form, @Location("receipt.html") Template receipt, PageContext page,
                      Divisions divisions, SubjectCategories categories, PetitionSubmission submission, UserToken token,
                      Units units, org.openpetition.portal.PortalConfig config) {
        this.form = form;
        this.receipt = receipt;
        this.page = page;
        this.divisions = divisions;
        this.categories = categories;
        this.submission = submission;
        this.token = token;
        this.units = units;
        this.attachmentMaxBytes = config.attachmentMaxBytes();
    }

    /** The empty form. */
    public Uni<TemplateInstance> form(boolean clerk) {
        return render(clerk, PetitionForm.blank(clerk ? "LETTER" : null), Map.of(), null);
    }

    /** Sends the form: the receipt, or the form again with the problems next to their fields. */
    public Uni<TemplateInstance> send(boolean clerk, PetitionForm input) {
        Map<String, String> tooLarge = new LinkedHashMap<>();
        input.files().stream().filter(f -> f.size() > attachmentMaxBytes).findFirst()
                .ifPresent(f -> tooLarge.put("attachments", page.word("attachment_too_large") + ": " + f.fileName()));
        if (!tooLarge.isEmpty()) {
            return render(clerk, input.values(), tooLarge, page.word("form_has_errors"));
        }
        Uni<String> accusedUnit = "ACCUSATION".equals(input.kind)
                ? units.codeOf(input.accusedUnitName, input.localityCode()) : Uni.createFrom().nullItem();
        return accusedUnit.chain(code -> {
            input.accusedUnitCode = code;
            return submission.submit(input.request(page.language().code()), input.files(), token.bearer());
        }).chain(outcome -> {
            if (outcome.answer().ok()) {
                return Uni.createFrom().item(page.page(receipt.data("receipt", outcome.answer().map())
                        .data("refused", outcome.refusedAttachments()).data("clerk", clerk), "receipt_title"));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            outcome.answer().fieldErrors().forEach((field, reason) -> errors.merge(input.fieldOf(field), reason,
                    (a, b) -> a + "; " + b));
            String problem = outcome.answer().unavailable() ? page.word("service_unavailable")
                    : outcome.answer().forbidden() ? page.word("not_allowed")
                    : errors.isEmpty() ? outcome.answer().detail() : page.word("form_has_errors");
            return render(clerk, input.values(), errors, problem);
        });
    }

    private Uni<TemplateInstance> render(boolean clerk, Map<String, Object> values, Map<String, String> errors, String problem) {
        return Uni.combine().all().unis(categories.groups(), divisions.cascade(values)).asTuple().map(both -> {
            TemplateInstance view = form.data("clerk", clerk).data("form", values).data("errors", errors)
                    .data("problem", problem).data("categories", both.getItem1()).data("cascade", both.getItem2())
                    .data("maxMiB", attachmentMaxBytes / (1024 * 1024))
                    .data("nextRow", ((List<?>) values.get("others")).size() + 1)
                    .data("action", clerk ? "/work/register" : "/submit");
            return page.page(view, clerk ? "register_title" : "submit_title");
        });
    }
}
