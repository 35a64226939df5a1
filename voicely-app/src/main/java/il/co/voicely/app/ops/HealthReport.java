package il.co.voicely.app.ops;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The body of {@code /health}.
 *
 * @param status   {@code UP} when every part is up
 * @param database the database probe
 * @param disk     free space where the app keeps its data
 */
record HealthReport(String status, Database database, Disk disk) {

    static final String UP = "UP";
    static final String DOWN = "DOWN";

    static HealthReport of(Database database, Disk disk) {
        return new HealthReport(status(UP.equals(database.status()) && UP.equals(disk.status())), database, disk);
    }

    static String status(boolean up) {
        return up ? UP : DOWN;
    }

    @JsonIgnore
    boolean up() {
        return UP.equals(status);
    }

    /** @param status UP or DOWN; @param detail server version or error; @param latencyMillis probe time */
    record Database(String status, String detail, long latencyMillis) {
    }

    /** @param status UP or DOWN; @param freeBytes usable bytes on the data directory's file system */
    record Disk(String status, long freeBytes) {
    }
}
