package org.openpetition.intake.rest;

import java.util.List;
import java.util.function.UnaryOperator;
import org.openpetition.intake.Channel;
import org.openpetition.intake.Petition;
import org.openpetition.intake.Petitioner;
import org.openpetition.intake.service.Registration;
import org.openpetition.contracts.rules.IdentityNumbers;

/** Maps between the API models and the entity. */
public final class PetitionMapper {

    private PetitionMapper() {
    }

    public static Petition toEntity(SubmitPetitionRequest request, Channel channel) {
        Petition petition = new Petition();
        petition.channel = channel;
        petition.kind = request.kind();
        petition.subjectCategory = request.subjectCategory();
        petition.localityCode = request.localityCode();
        petition.addressText = request.addressText();
        petition.title = request.title().strip();
        petition.content = request.content().strip();
        petition.eventDate = request.eventDate();
        petition.addressedToLocality = request.addressedToLocality();
        petition.households = request.households();
        if (request.accused() != null) {
            petition.accusedUnitCode = blankToNull(request.accused().unitCode());
            petition.accusedUnitName = blankToNull(request.accused().unitName());
            petition.accusedOfficialName = blankToNull(request.accused().officialName());
            petition.accusedOfficialPosition = blankToNull(request.accused().officialPosition());
        }
        for (SubmitPetitionRequest.PetitionerInput input : request.petitioners()) {
            Petitioner petitioner = new Petitioner();
            petitioner.type = input.typeOrDefault();
            petitioner.name = input.name().strip();
            petitioner.idNumber = input.idNumber();
            petitioner.phone = input.phone();
            petitioner.address = input.address();
            petitioner.email = blankToNull(input.email());
            petitioner.representative = Boolean.TRUE.equals(input.representative());
            petition.addPetitioner(petitioner);
        }
        return petition;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static PetitionReceipt toReceipt(Registration registration) {
        Petition petition = registration.petition();
        return new PetitionReceipt(petition.id, petition.trackingCode, registration.querySecret(), petition.status.name(),
                petition.receivedAt);
    }

    /**
     * The view for a caller who sees personal data masked. The submitter's own view does not say whether
     * the petition was linked to an earlier one (重复访): that would tell whoever typed someone else's
     * identity number or phone that this person petitioned before.
     */
    static PetitionView toMaskedView(Petition petition, List<Petitioner> petitioners, boolean submitter) {
        PetitionView view = toView(petition, petitioners.stream().map(p -> new PetitionView.PetitionerView(p.type.name(), p.name,
                p.idNumberMasked, IdentityNumbers.maskPhone(p.phone), IdentityNumbers.maskEmail(p.email), null,
                p.representative)).toList(), null, true);
        return submitter ? view.withoutRepeatLink() : view;
    }

    /** The view for the handler chain: identity numbers decrypted, the accused party shown. */
    static PetitionView toFullView(Petition petition, List<Petitioner> petitioners, UnaryOperator<String> decrypt) {
        PetitionView.AccusedView accused = petition.isAccusation() ? new PetitionView.AccusedView(petition.accusedUnitCode,
                petition.accusedUnitName, petition.accusedOfficialName, petition.accusedOfficialPosition) : null;
        return toView(petition, petitioners.stream().map(p -> new PetitionView.PetitionerView(p.type.name(), p.name,
                p.idNumberEncrypted == null ? null : decrypt.apply(p.idNumberEncrypted), p.phone, p.email,
                p.address, p.representative)).toList(), accused, false);
    }

    private static PetitionView toView(Petition petition, List<PetitionView.PetitionerView> petitioners,
                                       PetitionView.AccusedView accused, boolean masked) {
        return new PetitionView(petition.id, petition.trackingCode, petition.channel.name(), petition.kind.name(),
                petition.subjectCategory, petition.localityCode, petition.addressText, petition.title, petition.content,
                petition.eventDate, petitioners.size(), petitioners, petition.collective, petition.repeatOf,
                petition.status.name(), petition.receivedAt, petition.registeredBy, petition.assignedDepartmentCode,
                petition.assignedDepartmentName, accused, petition.evaluation, masked);
    }
}
