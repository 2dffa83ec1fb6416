# The bot as a container: built with the .NET SDK image, run on the ASP.NET runtime image as a non-root user.
#   docker build -t salescoachbot .
#   docker run -p 8080:8080 -e ConnectionStrings__SalesCoach="Data Source=/data/salescoach.db" -v salescoach:/data salescoachbot
# compose.yaml runs the production layout: PostgreSQL and two of these behind a proxy.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Published ReadyToRun for the image's architecture: the bot's and its packages' code comes precompiled,
# so less is compiled at start-up.
ARG TARGETARCH
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt BotFrameworkPackages.props RecognizersPackages.props ./
COPY src/SalesCoachBot.Core/SalesCoachBot.Core.csproj src/SalesCoachBot.Core/
COPY src/SalesCoachBot.PostgreSQL/SalesCoachBot.PostgreSQL.csproj src/SalesCoachBot.PostgreSQL/
COPY src/SalesCoachBot.Sqlite/SalesCoachBot.Sqlite.csproj src/SalesCoachBot.Sqlite/
COPY src/SalesCoachBot/SalesCoachBot.csproj src/SalesCoachBot/
RUN dotnet restore src/SalesCoachBot/SalesCoachBot.csproj -r linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) -p:PublishReadyToRun=true
COPY src/ src/
COPY dialogs/ dialogs/
RUN dotnet publish src/SalesCoachBot/SalesCoachBot.csproj -c Release --no-restore -o /app \
      -r linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) --self-contained false -p:PublishReadyToRun=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir /data && chown "$APP_UID" /data
USER $APP_UID
# The sentence model's cache of the examples' vectors (about 30 s of work on two cores) lives on the data volume too,
# so a new container of the same image reads it instead of embedding them again.
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__SalesCoach="Data Source=/data/salescoach.db" \
    XDG_DATA_HOME=/data
EXPOSE 8080
# Liveness: GET /healthz/live; readiness (send traffic): GET /healthz/ready.
ENTRYPOINT ["dotnet", "SalesCoachBot.dll"]
