package dev.parley.cli;

import dev.parley.platform.BuildVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * The version the build wrote into version.properties, and the Java runtime's, with its VM mode:
 * "sharing" says the JVM mapped a class-data/AOT cache (in the installed app: Parley's own, made at
 * package time), which scripts/package-smoke checks and a start-up complaint can be asked for.
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Parley " + BuildVersion.get().orElse("(development build)"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.info") + ")"};
    }
}
