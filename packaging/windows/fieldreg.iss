; Inno Setup 6 script of fieldreg's Windows installer, made from the onedir build:
;
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\fieldreg.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\fieldreg.iss
;
; gives dist\fieldreg-0.1.0-windows-setup.exe (the CI workflow does both, .github/workflows/
; package.yml). What it does:
; - installs for the current user only, no administrator rights (a borrowed laptop): the
;   program in %LOCALAPPDATA%\Programs\fieldreg, a Start-menu entry, optionally a desktop icon;
; - registers fieldreg's sync bundles (.bundle files, docs/bundle-format.md) as a file type of
;   this user with fieldreg's icon; opening one starts the desk, where the coordinator imports it
;   (the desk takes no file on its command line);
; - uninstalling removes the program, the Start-menu entry and the file type, and KEEPS THE DATA:
;   the store, settings and logs in %LOCALAPPDATA%\fieldreg are never touched by this script.
;
; For a USB stick, do not install: copy dist\fieldreg to the stick and create an empty file named
; "portable" beside fieldreg.exe (docs/field-install.md).
;
; Signing (recommended, so SmartScreen does not warn): pass a sign tool to iscc, e.g.
;   iscc /DAppVersion=0.1.0 "/Ssigntool=signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /n $qYOUR SIGNING IDENTITY$q $f" /DSign packaging\windows\fieldreg.iss
; and sign dist\fieldreg\fieldreg.exe and fieldreg-cli.exe with the same identity first.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define BuildDir "..\..\dist\fieldreg"

[Setup]
AppId={{6C1D3F7E-9B2A-4E55-8C0F-3A7E2D5B9F41}
AppName=fieldreg
AppVersion={#AppVersion}
AppVerName=fieldreg {#AppVersion}
AppPublisher=fieldreg
AppComments=Offline registration desk for evacuations
DefaultDirName={localappdata}\Programs\fieldreg
DefaultGroupName=fieldreg
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=fieldreg-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\fieldreg.ico
UninstallDisplayIcon={app}\fieldreg.exe
UninstallDisplayName=fieldreg {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\fieldreg"; Filename: "{app}\fieldreg.exe"; Comment: "Offline registration desk"
Name: "{userdesktop}\fieldreg"; Filename: "{app}\fieldreg.exe"; Tasks: desktopicon

[Registry]
; The .bundle file type, for this user only (HKCU\Software\Classes); removed on uninstall.
Root: HKCU; Subkey: "Software\Classes\.bundle\OpenWithProgids"; ValueType: string; ValueName: "fieldreg.bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\fieldreg.bundle"; ValueType: string; ValueName: ""; ValueData: "fieldreg sync bundle"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\fieldreg.bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\fieldreg.exe,0"
Root: HKCU; Subkey: "Software\Classes\fieldreg.bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\fieldreg.exe"""

[Run]
Filename: "{app}\fieldreg.exe"; Description: "{cm:LaunchProgram,fieldreg}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry on purpose: the data folder (%LOCALAPPDATA%\fieldreg) stays.
