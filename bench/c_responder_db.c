/*
 * The benchmark's database baseline: a libfcgi responder that runs one primary-key SELECT per request.
 * N threads, each running its own FCGX_Accept_r loop on one shared unix socket, each with its own MariaDB
 * connection (unix socket) and prepared statement
 *
 *   SELECT id, subject, status FROM tickets WHERE org_id = ? AND id = ?
 *
 * executed with the org id given on the command line and the id from the query string (`?id=N`), answering
 * {"id":"…","subject":"…","status":"…"} (200), 404 when there is no such ticket, 400 without a valid id.
 * deskd's GET /api/v1/tickets/{id} is measured against it (scripts/bench.sh).
 *
 *   DESKD_DB_PASSWORD=… c_responder_db SOCKET_PATH THREADS DB_SOCKET DB_USER DB_NAME ORG_ID
 *
 * Build: gcc -O2 -o c_responder_db bench/c_responder_db.c bench/fcgi_threads.c `pkg-config --cflags --libs libmariadb` -lfcgi -lpthread
 */
#include <fcgiapp.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fcgi_threads.h"

static const char *db_socket, *db_user, *db_password, *db_name;
static long long org_id;

static const char query[] = "SELECT id, subject, status FROM tickets WHERE org_id = ? AND id = ?";

/* The value of `id=` in a query string, or -1. */
static long long query_id(const char *qs) {
    if (qs == NULL) return -1;
    for (const char *p = qs; *p; ) {
        if (strncmp(p, "id=", 3) == 0) {
            char *end;
            long long id = strtoll(p + 3, &end, 10);
            return (end != p + 3 && (*end == '\0' || *end == '&') && id > 0) ? id : -1;
        }
        p = strchr(p, '&');
        if (p == NULL) break;
        p++;
    }
    return -1;
}

/* Appends s as JSON string content (quotes and backslashes escaped, control characters dropped). */
static size_t json_escape(char *out, size_t cap, const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len && n + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') { out[n++] = '\\'; out[n++] = (char)c; }
        else if (c >= 0x20) out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

static void respond(FCGX_Request *request, const char *status, const char *body) {
    char buffer[1536];
    int n = snprintf(buffer, sizeof(buffer),
                     "Status: %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                     status, strlen(body), body);
    if (n > 0 && n < (int)sizeof(buffer)) FCGX_PutStr(buffer, n, request->out);
}

static void *worker(void *unused) {
    (void)unused;
    mysql_thread_init();
    MYSQL *db = mysql_init(NULL);
    if (db == NULL || mysql_real_connect(db, NULL, db_user, db_password, db_name, 0, db_socket, 0) == NULL) {
        fprintf(stderr, "c_responder_db: connect failed: %s\n", db ? mysql_error(db) : "out of memory");
        exit(1);
    }
    MYSQL_STMT *stmt = mysql_stmt_init(db);
    if (stmt == NULL || mysql_stmt_prepare(stmt, query, strlen(query)) != 0) {
        fprintf(stderr, "c_responder_db: prepare failed: %s\n", mysql_error(db));
        exit(1);
    }

    long long params[2] = {org_id, 0};
    MYSQL_BIND in[2];
    memset(in, 0, sizeof(in));
    for (int i = 0; i < 2; i++) {
        in[i].buffer_type = MYSQL_TYPE_LONGLONG;
        in[i].buffer = &params[i];
    }
    long long id = 0;
    char subject[256], status[33];
    unsigned long subject_len = 0, status_len = 0;
    MYSQL_BIND out[3];
    memset(out, 0, sizeof(out));
    out[0].buffer_type = MYSQL_TYPE_LONGLONG;
    out[0].buffer = &id;
    out[1].buffer_type = MYSQL_TYPE_STRING;
    out[1].buffer = subject;
    out[1].buffer_length = sizeof(subject);
    out[1].length = &subject_len;
    out[2].buffer_type = MYSQL_TYPE_STRING;
    out[2].buffer = status;
    out[2].buffer_length = sizeof(status);
    out[2].length = &status_len;
    if (mysql_stmt_bind_param(stmt, in) != 0 || mysql_stmt_bind_result(stmt, out) != 0) {
        fprintf(stderr, "c_responder_db: bind failed: %s\n", mysql_stmt_error(stmt));
        exit(1);
    }

    FCGX_Request request;
    if (FCGX_InitRequest(&request, fcgi_listen_fd, 0) != 0) {
        fprintf(stderr, "c_responder_db: FCGX_InitRequest failed\n");
        return NULL;
    }
    char body[1024], esc_subject[520], esc_status[72];
    while (FCGX_Accept_r(&request) >= 0) {
        params[1] = query_id(FCGX_GetParam("QUERY_STRING", request.envp));
        if (params[1] < 0) {
            respond(&request, "400 Bad Request", "{\"errorCode\":\"INVALID_DATA\"}");
        } else if (mysql_stmt_execute(stmt) != 0) {
            fprintf(stderr, "c_responder_db: execute failed: %s\n", mysql_stmt_error(stmt));
            respond(&request, "500 Internal Server Error", "{\"errorCode\":\"INTERNAL_SERVER_ERROR\"}");
        } else {
            int rc = mysql_stmt_fetch(stmt);
            if (rc == 0 || rc == MYSQL_DATA_TRUNCATED) {
                json_escape(esc_subject, sizeof(esc_subject), subject,
                            subject_len < sizeof(subject) ? subject_len : sizeof(subject));
                json_escape(esc_status, sizeof(esc_status), status,
                            status_len < sizeof(status) ? status_len : sizeof(status));
                snprintf(body, sizeof(body), "{\"id\":\"%lld\",\"subject\":\"%s\",\"status\":\"%s\"}",
                         id, esc_subject, esc_status);
                respond(&request, "200 OK", body);
            } else {
                respond(&request, "404 Not Found", "{\"errorCode\":\"URL_NOT_FOUND\"}");
            }
            mysql_stmt_free_result(stmt);
        }
        FCGX_Finish_r(&request);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: DESKD_DB_PASSWORD=… %s SOCKET_PATH THREADS DB_SOCKET DB_USER DB_NAME ORG_ID\n", argv[0]);
        return 2;
    }
    int threads = fcgi_thread_count("c_responder_db", argv[2]);
    if (threads < 0) return 2;
    db_socket = argv[3];
    db_user = argv[4];
    db_password = getenv("DESKD_DB_PASSWORD");
    db_name = argv[5];
    org_id = atoll(argv[6]);
    if (org_id <= 0) {
        fprintf(stderr, "c_responder_db: ORG_ID must be a positive integer\n");
        return 2;
    }
    if (mysql_library_init(0, NULL, NULL) != 0) {
        fprintf(stderr, "c_responder_db: library initialisation failed\n");
        return 1;
    }
    return fcgi_serve("c_responder_db", argv[1], threads, worker);
}
