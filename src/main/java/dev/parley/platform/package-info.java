/** The operating system as Parley's other packages need it, behind one place: the process environment. */
package dev.parley.platform;
