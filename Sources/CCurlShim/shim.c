/* The wrappers are static inline in the header; this file gives the target a
   translation unit so SwiftPM builds it as a C module. */
#include "CCurlShim.h"
