package org.openpetition.intake.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * The media type of a file from its bytes, by Tika's detector (tika-core), so that a declared type cannot
 * lie. The bytes decide; the file name and the declared type are consulted only inside an Office Open XML
 * container (which tika-core does not open), to tell a Word document from the other OOXML types.
 */
public final class MediaTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String MP3 = "audio/mpeg";
    public static final String MP4 = "video/mp4";
    public static final String TEXT = "text/plain";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    private static final TikaConfig TIKA = TikaConfig.getDefaultConfig();
    private static final Detector DETECTOR = TIKA.getDetector();

    private MediaTypes() {
    }

    /** The media type the content shows (without parameters), e.g. "application/pdf"; "application/octet-stream" when unknown. */
    public static String detect(byte[] content, String fileName, String declaredType) {
        MediaType fromBytes = detect(content, new Metadata());
        if (fromBytes.equals(OOXML) && (fileName != null || declaredType != null)) {
            Metadata hints = new Metadata();
            if (fileName != null) {
                hints.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            }
            if (declaredType != null) {
                hints.set(Metadata.CONTENT_TYPE, declaredType);
            }
            MediaType refined = detect(content, hints);
            MediaTypeRegistry registry = TIKA.getMediaTypeRegistry();
            if (registry.isSpecializationOf(refined, OOXML)) {
                return refined.getBaseType().toString();
            }
        }
        return fromBytes.getBaseType().toString();
    }

    private static MediaType detect(byte[] content, Metadata metadata) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return DETECTOR.detect(in, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
