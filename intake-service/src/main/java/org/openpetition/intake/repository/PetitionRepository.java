package org.openpetition.intake.repository;

import static org.openpetition.platform.security.Roles.*;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openpetition.intake.Petition;
import org.openpetition.intake.PetitionKind;
import org.openpetition.intake.Petitioner;
import org.openpetition.platform.paging.PageOf;
import org.openpetition.platform.paging.PageRequest;
import org.openpetition.platform.security.Caller;
import org.openpetition.platform.security.Jurisdiction;

@ApplicationScoped
public class PetitionRepository implements PanacheRepositoryBase<Petition, UUID> {

    public Uni<Petition> findByTrackingCode(String trackingCode) {
        return find("trackingCode", trackingCode).firstResult();
    }

    /** The petition's petitioners, loaded in the current session. */
    public Uni<List<Petitioner>> petitioners(Petition petition) {
        return getSession().chain(session -> session.fetch(petition.petitioners));
    }

    /** Petitions a client registered, by tracking code. */
    public Uni<List<Petition>> findByTrackingCodes(String registeredBy, Collection<String> trackingCodes) {
        return list("registeredBy = ?1 and trackingCode in ?2 order by receivedAt", registeredBy, trackingCodes);
    }

    /** Petitions a client registered in a period, newest first. */
    public Uni<List<Petition>> findRegisteredBy(String registeredBy, Instant from, Instant to, int limit) {
        return find("registeredBy = ?1 and receivedAt >= ?2 and receivedAt < ?3 order by receivedAt desc",
                registeredBy, from, to).range(0, limit - 1).list();
    }

    /**
     * One page of the petitions the caller may see, filtered and sorted in the database. The scope is
     * {@code CaseScope.access} over intake's facts (service {@code CaseAccess}) written as one condition:
     * the clauses of the caller's roles, each only with the claim that bounds it, joined by OR; an
     * accusation whose accused unit is the caller's department never. A caller none of whose roles has
     * its claim lists nothing, without a query.
     */
    public Uni<PageOf<Petition>> visibleTo(Caller caller, PetitionListing listing, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String scope = scope(caller, params);
        if (scope == null) {
            return Uni.createFrom().item(PageOf.of(List.of(), page, 0));
        }
        StringBuilder where = new StringBuilder("(").append(scope).append(")");
        if (caller.department() != null) {
            // 保护检举人: intake knows the accused unit's own code only (docs/security.md, "Not built yet")
            where.append(" and not (kind = :accusation and coalesce(accusedUnitCode, '') = :department)");
            params.put("accusation", PetitionKind.ACCUSATION);
            params.put("department", caller.department());
        }
        if (!listing.statuses().isEmpty()) {
            where.append(" and status in (:statuses)");
            params.put("statuses", listing.statuses());
        }
        if (!listing.channels().isEmpty()) {
            where.append(" and channel in (:channels)");
            params.put("channels", listing.channels());
        }
        if (listing.from() != null) {
            where.append(" and receivedAt >= :from");
            params.put("from", listing.from());
        }
        if (listing.to() != null) {
            where.append(" and receivedAt < :to");
            params.put("to", listing.to());
        }
        if (listing.titleContains() != null) {
            where.append(" and lower(title) like :title escape '!'");
            params.put("title", "%" + likeEscaped(listing.titleContains().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        Sort.Direction direction = listing.newestFirst() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        PanacheQuery<Petition> query = find(where.toString(), Sort.by("receivedAt", direction).and("id", direction), params);
        return query.count().chain(total -> total <= page.offset()
                ? Uni.createFrom().item(PageOf.<Petition>of(List.of(), page, total))
                : query.page(page.page(), page.size()).list().map(items -> PageOf.of(items, page, total)));
    }

    /** The caller's scope as an HQL condition over Petition, or null when it covers nothing. */
    static String scope(Caller c, Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        Jurisdiction area = c.area();
        String caseLocality = "coalesce(competentLocality, localityCode)";
        if (c.has(HANDLER) && c.department() != null) {
            // the unit handling it now; intake does not know former units
            any.add("assignedDepartmentCode = :handlerDepartment");
            params.put("handlerDepartment", c.department());
        }
        if (c.has(DISPATCHER) && area != null) {
            any.add(inArea(caseLocality, area, params));
        }
        if (c.has(CLERK)) {
            if (c.user() != null) {
                any.add("(registeredByRole = :clerkRole and registeredBy = :user)");
                params.put("clerkRole", CLERK);
                params.put("user", c.user());
            }
            if (area != null) {
                any.add(inArea("registeringLocality", area, params));
                any.add(inArea("localityCode", area, params));
            }
        }
        if (c.has(CITIZEN) && c.user() != null) {
            // submitted by the account itself, not registered by a clerk for someone
            any.add("(registeredByRole <> :clerkRole and registeredBy = :user)");
            params.put("clerkRole", CLERK);
            params.put("user", c.user());
        }
        if (c.has(SUPERVISOR) && area != null) {
            any.add(inArea(caseLocality, area, params));
        }
        if (c.has(SUPERVISOR) && c.department() != null) {
            any.add("supervisingBody = :supervisorDepartment");
            params.put("supervisorDepartment", c.department());
        }
        if (c.has(LEADER) && c.leaderId() != null) {
            any.add("owningLeaderId = :leaderId");
            params.put("leaderId", c.leaderId());
        }
        if ((c.has(AUDITOR) || c.has(ADMIN)) && area != null) {
            any.add(inArea(caseLocality, area, params));
        }
        if (any.isEmpty()) {
            return null;
        }
        return String.join(" or ", any.stream().distinct().toList());
    }

    /** Jurisdiction.covers in SQL: a non-blank code starting with the area's prefix (digits only). */
    private static String inArea(String code, Jurisdiction area, Map<String, Object> params) {
        params.put("area", area.likePattern());
        return "(" + code + " like :area and " + code + " <> '')";
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
