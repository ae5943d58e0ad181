/**
 * The operating system as Parley's other packages need it, behind one place: the process environment,
 * where JNA finds system libraries, standard input as the JVM left it, the limit of open files, and the
 * memory the Java heap gives back.
 */
package dev.parley.platform;
