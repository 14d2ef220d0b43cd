; The planctl installer for Windows (scripts/package-windows.sh builds it with Debian's nsis).
; Per user, no administrator needed: %LOCALAPPDATA%\Programs\planctl, the user's PATH, and
; "用 planctl 生成文档" on the Explorer menu of .yaml and .yml files; the uninstaller removes
; all three.
; 64-bit like planctl.exe (and runnable where only 64-bit Windows programs run, as under
; Debian's wine64 in CI).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
!include "LogicLib.nsh"
!include "WinMessages.nsh"

!ifndef VERSION
  !error "makensis -DVERSION=... -DSTAGE=... -DOUTFILE=..."
!endif
Name "planctl ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\planctl"
ShowInstDetails show
ShowUninstDetails show
Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\planctl"
!define MENU_TEXT "用 planctl 生成文档"

; $R0 := $R1 with every ";$R2" removed (case-sensitive), for the PATH.
!macro REMOVE_PATH_ENTRY UN
Function ${UN}RemovePathEntry
  StrCpy $R0 ""
  StrCpy $R3 0
  StrLen $R4 ";$R2"
  StrLen $R5 $R1
  ${DoWhile} $R3 < $R5
    StrCpy $R6 $R1 $R4 $R3
    ${If} $R6 == ";$R2"
      IntOp $R3 $R3 + $R4
    ${Else}
      StrCpy $R6 $R1 1 $R3
      StrCpy $R0 "$R0$R6"
      IntOp $R3 $R3 + 1
    ${EndIf}
  ${Loop}
FunctionEnd
!macroend
!insertmacro REMOVE_PATH_ENTRY ""
!insertmacro REMOVE_PATH_ENTRY "un."

Section "planctl"
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The user's PATH: read, drop an earlier entry of ours, append. A PATH longer than NSIS's
  ; string limit is left alone rather than cut short.
  ReadRegStr $R1 HKCU "Environment" "Path"
  StrLen $R7 $R1
  ${If} $R7 < 900
    StrCpy $R1 ";$R1"
    StrCpy $R2 "$INSTDIR"
    Call RemovePathEntry
    ${If} $R0 == ";"
      StrCpy $R0 ""
    ${EndIf}
    StrCpy $R0 "$R0;$INSTDIR"
    StrCpy $R0 $R0 "" 1 ; the leading ";" added above
    WriteRegExpandStr HKCU "Environment" "Path" $R0
    SendMessage ${HWND_BROADCAST} ${WM_WININICHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${Else}
    DetailPrint "PATH is too long to change safely; add $INSTDIR to it by hand."
  ${EndIf}

  ; Explorer: right-click a .yaml or .yml file.
  WriteRegStr HKCU "Software\Classes\SystemFileAssociations\.yaml\shell\planctl" "" "${MENU_TEXT}"
  WriteRegStr HKCU "Software\Classes\SystemFileAssociations\.yaml\shell\planctl" "Icon" "$INSTDIR\planctl.exe"
  WriteRegStr HKCU "Software\Classes\SystemFileAssociations\.yaml\shell\planctl\command" "" '"$INSTDIR\planctl.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\SystemFileAssociations\.yml\shell\planctl" "" "${MENU_TEXT}"
  WriteRegStr HKCU "Software\Classes\SystemFileAssociations\.yml\shell\planctl" "Icon" "$INSTDIR\planctl.exe"
  WriteRegStr HKCU "Software\Classes\SystemFileAssociations\.yml\shell\planctl\command" "" '"$INSTDIR\planctl.exe" "%1"'

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "planctl ${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ReadRegStr $R1 HKCU "Environment" "Path"
  StrLen $R7 $R1
  ${If} $R7 < 900
    StrCpy $R1 ";$R1"
    StrCpy $R2 "$INSTDIR"
    Call un.RemovePathEntry
    StrCpy $R0 $R0 "" 1 ; the leading ";" added above
    ${If} $R0 == ""
      DeleteRegValue HKCU "Environment" "Path" ; there was none before planctl's
    ${Else}
      WriteRegExpandStr HKCU "Environment" "Path" $R0
    ${EndIf}
    SendMessage ${HWND_BROADCAST} ${WM_WININICHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\SystemFileAssociations\.yaml\shell\planctl"
  DeleteRegKey HKCU "Software\Classes\SystemFileAssociations\.yml\shell\planctl"
  DeleteRegKey HKCU "${UNINST_KEY}"
  ; Only what the installer put there: the user's own files in the folder stay.
  RMDir /r "$INSTDIR\examples"
  RMDir /r "$INSTDIR\schemas"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\planctl.exe"
  Delete "$INSTDIR\使用说明.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
