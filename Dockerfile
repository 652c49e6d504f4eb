# The course for JupyterHub / Binder (a "Dockerfile" repo2docker builds as is): Jupyter on
# notebooks/ with the TypeScript kernel, the student copies made on first start.
#   docker build -t optimlab . && docker run -p 8888:8888 optimlab
# The machine-level parts come from scripts/install-machine.sh, the script CI runs (.ci/run).
# Not built on the machine this course is made on (no image registry there).
FROM node:20-bookworm-slim

COPY . /home/jovyan/course
WORKDIR /home/jovyan/course
RUN bash scripts/install-machine.sh node jupyter \
 && useradd --create-home --uid 1000 jovyan 2>/dev/null || true \
 && chown -R 1000:1000 /home/jovyan
USER 1000
ENV HOME=/home/jovyan
RUN npm ci --no-audit --no-fund && npm run build
EXPOSE 8888
# Binder/JupyterHub start their own server on notebooks/ with the same kernelspec (.jupyter/ via
# JUPYTER_PATH); run alone, npm start serves it.
ENV JUPYTER_PATH=/home/jovyan/course/.jupyter OPTIMLAB_IP=0.0.0.0
CMD ["node", "dist/cli/start.js", "--no-browser", "--port", "8888"]
