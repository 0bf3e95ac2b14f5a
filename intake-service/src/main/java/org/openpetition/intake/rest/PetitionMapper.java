package org.openpetition.intake.rest;

import org.openpetition.intake.Channel;
import org.openpetition.intake.Petition;
import java.util.List;
import org.openpetition.intake.Petitioner;
import org.openpetition.intake.service.Registration;
import org.openpetition.intake.validation.IdentityNumbers;

/** Maps between the API models and the entity. */
final class PetitionMapper {

    private PetitionMapper() {
    }

    static Petition toEntity(SubmitPetitionRequest request, Channel channel) {
        Petition petition = new Petition();
        petition.channel = channel;
        petition.kind = request.kind();
        petition.subjectCategory = request.subjectCategory();
        petition.localityCode = request.localityCode();
        petition.addressText = request.addressText();
        petition.title = request.title().strip();
        petition.content = request.content().strip();
        petition.eventDate = request.eventDate();
        for (SubmitPetitionRequest.PetitionerInput input : request.petitioners()) {
            Petitioner petitioner = new Petitioner();
            petitioner.type = input.typeOrDefault();
            petitioner.name = input.name().strip();
            petitioner.idNumber = input.idNumber();
            petitioner.phone = input.phone();
            petitioner.address = input.address();
            petitioner.representative = Boolean.TRUE.equals(input.representative());
            petition.addPetitioner(petitioner);
        }
        return petition;
    }

    static PetitionReceipt toReceipt(Registration registration) {
        Petition petition = registration.petition();
        return new PetitionReceipt(petition.id, petition.trackingCode, registration.querySecret(), petition.status.name(),
                petition.receivedAt);
    }

    static PetitionView toView(Petition petition, List<Petitioner> petitioners) {
        return new PetitionView(petition.id, petition.trackingCode, petition.channel.name(), petition.kind.name(),
                petition.subjectCategory, petition.localityCode, petition.title, petition.eventDate, petitioners.size(),
                petitioners.stream().map(PetitionMapper::toView).toList(), petition.collective, petition.repeatOf,
                petition.status.name(), petition.receivedAt, petition.registeredBy);
    }

    /** Masked: the identity number as stored masked, the phone number masked here. */
    static PetitionView.PetitionerView toView(Petitioner p) {
        return new PetitionView.PetitionerView(p.type.name(), p.name, p.idNumberMasked, IdentityNumbers.maskPhone(p.phone),
                p.representative);
    }
}
