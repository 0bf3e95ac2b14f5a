package org.openpetition.contracts.event;

/**
 * A unit of the routing directory as a recipient of notices: a department, a supervising body
 * (上级主管单位) or a petition office.
 *
 * @param code  the unit's directory code, e.g. "5117-ZJJ"
 * @param name  its name
 * @param email where it receives notices (may be null)
 */
public record UnitContact(String code, String name, String email) {
}
