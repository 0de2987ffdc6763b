#ifndef CLIBXLSXWRITER_SHIM_H
#define CLIBXLSXWRITER_SHIM_H

/* The system's libxlsxwriter (Debian libxlsxwriter-dev), used only by TenderSpreadsheet to write .xlsx files
 * (blank score sheets, scores.xlsx). Declarations only: the umbrella header brings the workbook, worksheet and
 * format interfaces, and utility.h `lxw_strerror`. */
#include <xlsxwriter.h>

#endif
