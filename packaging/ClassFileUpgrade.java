import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Rewrites the class files of old jars (class file version 49 or lower: Java 5 and before) as
 * version 50 with stack map frames, in place, so that the JDK's AOT cache can hold them.
 *
 * <p>Why: JDK 25's AOT cache skips every class older than version 50 ("Old class has been linked"):
 * such a class carries no stack maps, so it can only be checked by the old inferencing verifier at
 * run time, which the cache cannot do ahead of time. MaryTTS's libraries (icu4j, OpenNLP, Commons)
 * are such jars, and a start of Parley loaded ~230 of their classes from the jars while the voice
 * loaded (docs/performance.md, "Start-up: old class files in the cache; the idle window with its
 * microphone"). Version 50 with frames is checked by the type-checking verifier, and a frame this
 * tool got wrong would not break anything: for version 50 the JVM falls back to the old verifier.
 *
 * <p>A class whose code cannot get frames here (jsr/ret subroutines, or a type in a merge that no jar
 * on the class path has), or that the JDK's port of the type-checking verifier refuses, stays as it
 * was: one class less in the cache. Every other entry of the jar is copied unchanged, in order. A
 * signed jar is left alone (a changed class would no longer match its signature).
 *
 * <p>Run by the pom's package profile on JDK 24 or later (the ClassFile API), with the source
 * launcher, on the folder of the application's jars: {@code java packaging/ClassFileUpgrade.java
 * target/jpackage-input}. Only jars holding a class older than version 50 are rewritten; the others
 * (and the JDK) are read to learn the supertypes that frames name.
 */
public final class ClassFileUpgrade {

    private static final int FIRST_VERSION_WITH_FRAMES = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java packaging/ClassFileUpgrade.java FOLDER_OF_JARS");
            System.exit(2);
        }
        List<Path> jars;
        try (var listing = Files.list(Path.of(args[0]))) {
            jars = listing.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        List<URL> classPath = new ArrayList<>();
        for (Path jar : jars) {
            classPath.add(jar.toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new), null)) {
            // Reads the class files to learn supertypes; loads nothing.
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            for (Path jar : jars) {
                if (!hasOldClasses(jar)) {
                    continue;
                }
                if (isSigned(jar)) {
                    System.out.println("ClassFileUpgrade: " + jar.getFileName() + " is signed: left as it is");
                    continue;
                }
                upgrade(classFile, jar);
            }
        }
    }

    private static boolean hasOldClasses(Path jar) throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : Collections.list(in.entries())) {
                if (entry.getName().endsWith(".class")) {
                    try (InputStream stream = in.getInputStream(entry)) {
                        byte[] head = stream.readNBytes(8); // magic, minor, major
                        if (head.length == 8 && ((head[6] & 0xff) << 8 | (head[7] & 0xff)) < FIRST_VERSION_WITH_FRAMES) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean isSigned(Path jar) throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            return in.stream().map(JarEntry::getName).anyMatch(name -> name.startsWith("META-INF/")
                    && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC")));
        }
    }

    private static void upgrade(ClassFile classFile, Path jar) throws IOException {
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgrading");
        upgraded.toFile().deleteOnExit(); // a failed run leaves no half-written jar beside the others
        int rewritten = 0;
        List<String> kept = new ArrayList<>();
        try (JarFile in = new JarFile(jar.toFile(), false);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(upgraded))) {
            for (JarEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class")) {
                    byte[] newer = upgradeClass(classFile, bytes, entry.getName(), kept);
                    if (newer != bytes) {
                        rewritten++;
                        bytes = newer;
                    }
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("ClassFileUpgrade: " + jar.getFileName() + ": " + rewritten + " classes now version "
                + FIRST_VERSION_WITH_FRAMES + (kept.isEmpty() ? "" : "; kept as they were: " + String.join("; ", kept)));
    }

    /** The class as version 50 with frames, or {@code bytes} itself when it needs no change or cannot get frames. */
    private static byte[] upgradeClass(ClassFile classFile, byte[] bytes, String name, List<String> kept) {
        ClassModel model;
        try {
            model = classFile.parse(bytes);
        } catch (IllegalArgumentException unreadable) { // the JVM would not load it either: left as it is
            kept.add(name + " (" + unreadable.getMessage() + ")");
            return bytes;
        }
        if (model.majorVersion() >= FIRST_VERSION_WITH_FRAMES) {
            return bytes;
        }
        // Every method's code is passed through a code builder, which computes the frames anew.
        ClassTransform newVersion = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(FIRST_VERSION_WITH_FRAMES, 0);
            } else {
                builder.with(element);
            }
        };
        try {
            byte[] upgraded = classFile.transformClass(model,
                    newVersion.andThen(ClassTransform.transformingMethods(MethodTransform.transformingCode(CodeTransform.ACCEPT_ALL))));
            // The JDK's own port of the type-checking verifier: a class it refuses stays as it was.
            List<VerifyError> refused = classFile.verify(upgraded);
            if (!refused.isEmpty()) {
                kept.add(name + " (" + String.join("; ", refused.stream().map(Throwable::getMessage).toList()) + ")");
                return bytes;
            }
            return upgraded;
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException noFrames) {
            kept.add(name + " (" + noFrames.getMessage() + ")");
            return bytes;
        }
    }
}
