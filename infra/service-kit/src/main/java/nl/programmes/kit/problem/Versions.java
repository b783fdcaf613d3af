package nl.programmes.kit.problem;

/** Reads the version out of an ETag / If-Match value such as {@code "3"} or {@code W/"3"}. */
public final class Versions {

    private Versions() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version named by an If-Match header, or null when the header is absent. */
    public static Integer fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StaleVersionException("If-Match " + ifMatch + " names no version of this resource");
        }
    }

    /** Like {@link #fromIfMatch} but the header is required. */
    public static int requiredIfMatch(String ifMatch) {
        Integer version = fromIfMatch(ifMatch);
        if (version == null) {
            throw new PreconditionRequiredException("Send If-Match with the ETag you last read, so a concurrent change is not overwritten");
        }
        return version;
    }
}
