package org.openpetition.routing.rest;

import static org.openpetition.platform.security.Roles.*;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpetition.platform.problem.FieldException;
import org.openpetition.routing.directory.DirectoryIndex;
import org.openpetition.routing.directory.DirectoryLeader;
import org.openpetition.routing.directory.DirectoryUnit;
import org.openpetition.routing.directory.DivisionImport;
import org.openpetition.routing.directory.Localities;
import org.openpetition.routing.directory.UnitImport;
import org.openpetition.routing.repository.DivisionSearch;

/** The jurisdiction directory: divisions, units, leaders; search and bulk import. */
@Path("/api/directory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "行政区划、承办单位、包案领导 the jurisdiction directory")
@SecurityRequirement(name = "bearer")
@Blocking
public class DirectoryResource {

    private final DivisionSearch search;
    private final DivisionImport divisionImport;
    private final UnitImport unitImport;
    private final DirectoryIndex index;

    public DirectoryResource(DivisionSearch search, DivisionImport divisionImport, UnitImport unitImport, DirectoryIndex index) {
        this.search = search;
        this.divisionImport = divisionImport;
        this.unitImport = unitImport;
        this.index = index;
    }

    @GET
    @Path("divisions")
    @PermitAll
    @Operation(summary = "Find divisions by code prefix (digits) or name, optionally the children of a parent",
            description = "Public: the administrative divisions are published reference data; the portal's locality "
                    + "picker (province → village) reads them without an account.")
    public List<DivisionSearch.Division> divisions(@QueryParam("q") String q, @QueryParam("parent") String parent,
                                                   @QueryParam("limit") @DefaultValue("50") int limit) throws SQLException {
        return search.search(q, parent, Math.max(1, Math.min(limit, 500)));
    }

    @GET
    @Path("divisions/{code}")
    @PermitAll
    @Operation(summary = "A division and its chain up to the province, lowest first (public reference data)")
    public List<DivisionSearch.Division> division(@PathParam("code") String code) throws SQLException {
        List<DivisionSearch.Division> chain = search.chain(code);
        if (chain.isEmpty()) {
            throw new NotFoundException("no division " + code);
        }
        return chain;
    }

    @POST
    @Path("divisions")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(ADMIN)
    @Operation(summary = "Import divisions (e.g. the villages) from CSV with the header code,name",
            description = "Further columns are ignored; each parent must exist; all or nothing. Send gzip with Content-Encoding: gzip.")
    public Map<String, Integer> importDivisions(InputStream csv) throws IOException, SQLException {
        return Map.of("imported", divisionImport.importCsv(csv));
    }

    @GET
    @Path("units")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The units of a locality and of every level above it, lowest level first")
    public List<DirectoryUnit> units(@QueryParam("locality") String locality) {
        if (locality == null || Localities.level(locality) == 0) {
            throw FieldException.of("locality", "须为行政区划代码 / must be a division code");
        }
        var directory = index.current();
        List<DirectoryUnit> units = new ArrayList<>();
        for (String level : Localities.selfAndAncestors(locality)) {
            directory.unitsAt(level).forEach(units::add);
        }
        return units;
    }

    @GET
    @Path("unit-names")
    @PermitAll
    @Operation(summary = "Find units by name at a locality and every level above it, lowest level first (public)",
            description = "Public: the names of public bodies, for a petitioner naming the accused unit of an accusation."
                    + " Gives code, name, locality and kind only; the units' addresses for case notices stay internal.")
    public List<PublicUnit> unitNames(@QueryParam("locality") String locality, @QueryParam("q") String q,
                                      @QueryParam("limit") @DefaultValue("20") int limit) {
        if (locality == null || Localities.level(locality) == 0) {
            throw FieldException.of("locality", "须为行政区划代码 / must be a division code");
        }
        return index.current().unitsNamed(q, locality, Math.max(1, Math.min(limit, 100))).stream()
                .map(PublicUnit::of).toList();
    }

    @GET
    @Path("units/{code}")
    @RolesAllowed({DISPATCHER, HANDLER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "A unit and its chain of supervising bodies, the unit first")
    public List<DirectoryUnit> unit(@PathParam("code") String code) {
        var directory = index.current();
        List<DirectoryUnit> chain = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        var unit = directory.unit(code);
        while (unit.isPresent() && seen.add(unit.get().code())) {
            chain.add(unit.get());
            unit = directory.unit(unit.get().supervisingCode());
        }
        if (chain.isEmpty()) {
            throw new NotFoundException("no unit " + code);
        }
        return chain;
    }

    @GET
    @Path("leaders")
    @RolesAllowed({DISPATCHER, SUPERVISOR, LEADER, ADMIN, AUDITOR})
    @Operation(summary = "The leaders who may own cases at a locality and above, lowest level first")
    public List<DirectoryLeader> leaders(@QueryParam("locality") String locality) {
        if (locality == null || Localities.level(locality) == 0) {
            throw FieldException.of("locality", "须为行政区划代码 / must be a division code");
        }
        List<DirectoryLeader> leaders = new ArrayList<>();
        Localities.selfAndAncestors(locality).forEach(level -> leaders.addAll(index.current().leadersAt(level)));
        return leaders;
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Bulk import of units and leaders (JSON), validated as a whole, all or nothing",
            description = "Errors name the field, e.g. units[3].supervisingCode: unknown division codes, unknown kinds,"
                    + " units without a remit or with unknown categories, unknown supervising bodies, cycles.")
    public UnitImport.Result importJson(ImportRequest body) throws SQLException {
        if (body == null) {
            throw FieldException.of("(body)", "请求体不能为空 / the body is required");
        }
        List<UnitImport.UnitRow> units = new ArrayList<>();
        List<ImportRequest.Unit> given = body.units() == null ? List.of() : body.units();
        for (int i = 0; i < given.size(); i++) {
            ImportRequest.Unit u = given.get(i);
            units.add(new UnitImport.UnitRow("units[" + i + "]", trim(u.code()), trim(u.name()), trim(u.localityCode()),
                    trim(u.kind()), trim(u.email()), trim(u.supervisingCode()), u.remit() == null ? List.of() : u.remit()));
        }
        List<UnitImport.LeaderRow> leaders = new ArrayList<>();
        List<ImportRequest.Leader> people = body.leaders() == null ? List.of() : body.leaders();
        for (int i = 0; i < people.size(); i++) {
            ImportRequest.Leader l = people.get(i);
            leaders.add(new UnitImport.LeaderRow("leaders[" + i + "]", trim(l.id()), trim(l.name()), trim(l.title()),
                    trim(l.localityCode()), trim(l.email())));
        }
        return unitImport.importAll(units, leaders);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv"})
    @RolesAllowed(ADMIN)
    @Operation(summary = "Bulk import of units (CSV): code,name,localityCode,kind,email,supervisingCode,remit",
            description = "remit: category codes separated by |. Validated as a whole like the JSON import; errors name the line.")
    public UnitImport.Result importCsv(InputStream csv) throws IOException, SQLException {
        return unitImport.importAll(UnitCsv.read(csv), List.of());
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
