#ifndef DESKD_CFASTCGI_SHIM_H
#define DESKD_CFASTCGI_SHIM_H
#include <fcgiapp.h>
#endif
