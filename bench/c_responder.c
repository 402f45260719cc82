/*
 * The benchmark baseline: the smallest useful libfcgi responder. N threads, each running its own
 * FCGX_Accept_r loop on one shared unix socket, answering every request with a fixed small JSON body.
 * deskd's GET /livez is measured against it (scripts/bench.sh).
 *
 *   c_responder SOCKET_PATH [THREADS]
 *
 * Build: gcc -O2 -o c_responder bench/c_responder.c bench/fcgi_threads.c -lfcgi -lpthread
 */
#include <fcgiapp.h>
#include <stdio.h>

#include "fcgi_threads.h"

static const char response[] =
    "Status: 200 OK\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 15\r\n"
    "\r\n"
    "{\"status\":\"ok\"}";

static void *worker(void *unused) {
    (void)unused;
    FCGX_Request request;
    if (FCGX_InitRequest(&request, fcgi_listen_fd, 0) != 0) {
        fprintf(stderr, "c_responder: FCGX_InitRequest failed\n");
        return NULL;
    }
    while (FCGX_Accept_r(&request) >= 0) {
        FCGX_PutStr(response, (int)sizeof(response) - 1, request.out);
        FCGX_Finish_r(&request);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s SOCKET_PATH [THREADS]\n", argv[0]);
        return 2;
    }
    int threads = argc > 2 ? fcgi_thread_count("c_responder", argv[2]) : 32;
    if (threads < 0) return 2;
    return fcgi_serve("c_responder", argv[1], threads, worker);
}
