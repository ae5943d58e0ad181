/**
 * The operating system as Parley's other packages need it, behind one place: the process environment,
 * where JNA finds system libraries, standard input as the JVM left it, the limit of open files, the
 * memory the Java heap gives back, and whose program listens on a loopback port.
 */
package dev.parley.platform;
