#ifndef DESKD_CMARIADB_SHIM_H
#define DESKD_CMARIADB_SHIM_H
#include <stddef.h>
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

/// `mysql_library_init` is a macro; Swift cannot call macros, so it is wrapped here.
static inline int deskd_mysql_library_init(void) {
    return mysql_library_init(0, NULL, NULL);
}
#endif
