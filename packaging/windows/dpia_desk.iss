; Inno Setup 6 script for the dpia_desk Windows installer.
;
; packaging/build.py runs it on Windows after PyInstaller (when iscc.exe is on PATH):
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DSourceDir=dist\dpia-desk /DOutputDir=dist
;        packaging\windows\dpia_desk.iss
; The version is never written here: it comes from the package metadata (pyproject.toml) through
; the build script, like the executables' version resource.
;
; Installs for the current user (no administrator rights) or, when chosen in the first dialog or
; with /ALLUSERS, for all users. Uninstalling removes the program files only: the workspace, its
; backups and the settings live in %LOCALAPPDATA%\dpia_desk and its key in Windows Credential
; Manager, and all of them are left alone.

#ifndef AppVersion
  #error Pass /DAppVersion=<version>: packaging/build.py reads it from the package metadata.
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\dpia-desk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "dpia_desk"
#define AppExe "dpia-desk.exe"
#define AppUserModelId "org.dpiadesk.DpiaDesk"

[Setup]
; The AppId identifies the product across versions (upgrades replace, never duplicate): keep it.
AppId={{C8620389-E76B-45B4-8ED9-59DB6C8A0979}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=dpia_desk developers
AppComments=Due diligence of HR-tech vendors and their AI systems
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoProductTextVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user by default; the first page offers "for all users" (administrator) instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=dpia-desk-{#AppVersion}-setup
SetupIconFile=..\icons\dpia_desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Messages]
ConfirmUninstall=Remove %1 from this computer?%n%nYour workspace, its backups and your settings are NOT removed: they stay in %LOCALAPPDATA%\dpia_desk (and the workspace key in Windows Credential Manager), so a later installation opens them again.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The PyInstaller one-folder bundle: dpia-desk.exe (windowed), dpia-desk-cli.exe (console) and _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"; Comment: "Vendor and AI due diligence"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// Say once more, after the files are gone, what was deliberately kept and where.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent) then
    MsgBox('{#AppName} was removed.' + #13#10 + #13#10 +
      'Your workspace, its backups and your settings were left in place in:' + #13#10 +
      ExpandConstant('{localappdata}\dpia_desk') + #13#10 + #13#10 +
      'Delete that folder yourself only when you no longer need the data.',
      mbInformation, MB_OK);
end;
