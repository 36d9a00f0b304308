/**
 * Reading and writing CSV at the command line's edge: a streaming RFC 4180 reader with delimiter detection, gzip and
 * stdin, hard size limits and line tracking, and a writer whose cells a spreadsheet cannot execute.
 */
package io.tributary.cli.csv;
