package dev.parley.tools;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code current_time}: the date and time now, in the system's zone or a named one. */
public final class CurrentTime implements Tool {

    private static final DateTimeFormatter SPOKEN =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, h:mm a", Locale.ENGLISH);

    private final Clock clock;

    /** {@code clock}: its zone is the default; tests pass a fixed one. */
    public CurrentTime(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "current_time";
    }

    @Override
    public String description() {
        return "Returns the current date and time, in the user's time zone or the given IANA time zone.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(ToolParameter.optional("timezone", ToolParameter.Type.STRING,
                "An IANA time zone such as Europe/Paris or America/New_York; omit for the user's own"));
    }

    @Override
    public String execute(ToolArguments arguments) {
        String zoneName = arguments.optionalText("timezone");
        ZoneId zone = zoneName == null || zoneName.isBlank() ? clock.getZone() : zone(zoneName.strip());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        return now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " (" + now.format(SPOKEN) + ", " + zone.getId() + ")";
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new ToolException("unknown time zone '" + name
                    + "'; use an IANA zone such as Europe/Berlin, America/New_York or UTC");
        }
    }
}
