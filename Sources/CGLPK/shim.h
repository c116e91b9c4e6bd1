#ifndef WFM_CGLPK_SHIM_H
#define WFM_CGLPK_SHIM_H
#include <glpk.h>
#endif
