// WS-RM 1.0 (2005/02) build of echo.h.
#import "wsrm5.h"
#import "echo.h"
