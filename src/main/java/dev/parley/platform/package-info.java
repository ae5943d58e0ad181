/**
 * The operating system as Parley's other packages need it, behind one place: the process environment,
 * where JNA finds system libraries, standard input as the JVM left it, the limit of open files, the
 * memory the Java heap gives back, whose program listens on a loopback port, and the version of the build that runs.
 */
package dev.parley.platform;
