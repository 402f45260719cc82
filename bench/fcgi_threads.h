/*
 * The thread and socket set-up the benchmark's C responders share (bench/fcgi_threads.c): listen on a
 * unix socket, exit at once on SIGTERM / SIGINT, and run THREADS copies of a worker, each with its own
 * FCGX_Accept_r loop on the shared socket (FCGX_InitRequest(&request, fcgi_listen_fd, 0)).
 */
#ifndef DESKD_BENCH_FCGI_THREADS_H
#define DESKD_BENCH_FCGI_THREADS_H

/* The listening socket, valid once fcgi_serve has opened it (before any worker starts). */
extern int fcgi_listen_fd;

/* Parses a THREADS argument: 1..1024, else prints an error naming `name` and returns -1. */
int fcgi_thread_count(const char *name, const char *text);

/*
 * Initialises libfcgi, listens on socket_path (replacing a stale socket file, mode 0660), starts
 * `threads` threads running worker(NULL) and waits for them. Returns the process exit status: 0 when
 * every worker returned, 1 when the set-up failed (with a message naming `name` on stderr).
 */
int fcgi_serve(const char *name, const char *socket_path, int threads, void *(*worker)(void *));

#endif
