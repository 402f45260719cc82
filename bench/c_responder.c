/*
 * The benchmark baseline: the smallest useful libfcgi responder. N threads, each running its own
 * FCGX_Accept_r loop on one shared unix socket, answering every request with a fixed small JSON body.
 * deskd's GET /livez is measured against it (scripts/bench.sh).
 *
 *   c_responder SOCKET_PATH [THREADS]
 *
 * Build: gcc -O2 -o c_responder bench/c_responder.c -lfcgi -lpthread
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int listen_fd;

static const char response[] =
    "Status: 200 OK\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 15\r\n"
    "\r\n"
    "{\"status\":\"ok\"}";

/* libfcgi installs its own SIGTERM handler that only flags a shutdown; exit at once instead. */
static void on_term(int signo) {
    (void)signo;
    _exit(0);
}

static void *worker(void *unused) {
    (void)unused;
    FCGX_Request request;
    if (FCGX_InitRequest(&request, listen_fd, 0) != 0) {
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
    int threads = argc > 2 ? atoi(argv[2]) : 32;
    if (threads < 1 || threads > 1024) {
        fprintf(stderr, "c_responder: THREADS must be 1..1024\n");
        return 2;
    }
    if (FCGX_Init() != 0) {
        fprintf(stderr, "c_responder: FCGX_Init failed\n");
        return 1;
    }
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    unlink(argv[1]);
    listen_fd = FCGX_OpenSocket(argv[1], 1024);
    if (listen_fd < 0) {
        fprintf(stderr, "c_responder: cannot listen on %s\n", argv[1]);
        return 1;
    }
    chmod(argv[1], 0660);

    pthread_t *ids = calloc((size_t)threads, sizeof(pthread_t));
    for (int i = 0; i < threads; i++) {
        if (pthread_create(&ids[i], NULL, worker, NULL) != 0) {
            fprintf(stderr, "c_responder: pthread_create failed\n");
            return 1;
        }
    }
    for (int i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
    }
    free(ids);
    return 0;
}
